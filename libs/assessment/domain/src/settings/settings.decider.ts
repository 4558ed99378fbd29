import type { Decider } from '@leerzone/kernel';
import { assertNever, isRejection } from '@leerzone/kernel';
import { parseZoneThresholds } from '../scoring/zones';
import { MIN_ANONYMITY_THRESHOLD } from '../shared/assessment.constants';
import { at, requiredReason } from '../shared/context';
import { parseThreshold } from '../round/round.guards';
import type { SettingsCommand } from './settings.commands';
import type { SettingsEvent } from './settings.events';
import type { SettingsState } from './settings.state';
import { evolveSettings, initialSettingsState } from './settings.state';

export const settingsStreamId = (tenantId: string): string => `assessment-settings-${tenantId}`;

/** One small decider, no rules file: the tenant's anonymity threshold (never below 3) and zone thresholds. */
export const settingsDecider: Decider<SettingsCommand, SettingsEvent, SettingsState> = {
  initialState: initialSettingsState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'ConfigureAssessment': {
        const anonymityThreshold = parseThreshold(command.data.anonymityThreshold, MIN_ANONYMITY_THRESHOLD, 'anonymityThreshold');
        if (isRejection(anonymityThreshold)) return anonymityThreshold;
        const zoneThresholds = parseZoneThresholds(command.data.zoneThresholds);
        if (isRejection(zoneThresholds)) return zoneThresholds;
        const unchanged =
          state.configured &&
          state.anonymityThreshold === anonymityThreshold &&
          state.zoneThresholds.safetyHighFrom === zoneThresholds.safetyHighFrom &&
          state.zoneThresholds.standardsHighFrom === zoneThresholds.standardsHighFrom;
        if (unchanged) return [];
        const reason = requiredReason(ctx.reason, 'SETTINGS.REASON_REQUIRED', "change the tenant's assessment settings");
        if (isRejection(reason)) return reason;
        return [
          { type: 'AssessmentSettingsChanged', data: { tenantId: ctx.tenantId, anonymityThreshold, zoneThresholds, changedBy: ctx.actor.id, changedAt: at(ctx), reason } },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveSettings,
};
