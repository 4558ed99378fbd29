import type { Decider, Rejection } from '@leerzone/kernel';
import { assertNever, isRejection, reject } from '@leerzone/kernel';
import {
  DEFAULT_CONSENT_DEADLINE_DAYS,
  DEFAULT_ESCALATION_TIMEOUT_DAYS,
  DEFAULT_MAX_MONTHS_IN_PHASE,
  DEFAULT_MAX_MONTHS_ON_JOURNEY,
  MAX_SETTING_ESCALATION_TIMEOUT_DAYS,
  MAX_SETTING_MONTHS_IN_PHASE,
  MAX_SETTING_MONTHS_ON_JOURNEY,
} from '../shared/limits';
import { requiredReason } from '../shared/validation';
import { MAX_TIME_BOX_DAYS } from '../team/consent.rules';
import type { GovernanceSettings, GovernanceSettingsEvent } from './settings.events';

/** The tenant's settings stream; its prefix is governance's, so the changes are published on governance's topic. */
export const governanceSettingsStreamId = (tenantId: string): string => `governance-settings-${tenantId}`;

export const DEFAULT_GOVERNANCE_SETTINGS: GovernanceSettings = {
  maxMonthsInPhase: DEFAULT_MAX_MONTHS_IN_PHASE,
  maxMonthsOnJourney: DEFAULT_MAX_MONTHS_ON_JOURNEY,
  escalationTimeoutDays: DEFAULT_ESCALATION_TIMEOUT_DAYS,
  consentDeadlineDays: DEFAULT_CONSENT_DEADLINE_DAYS,
};

/** Any subset of the settings; what is left out keeps its current value. */
export type ChangeGovernanceSettings = {
  readonly type: 'ChangeGovernanceSettings';
  readonly data: { readonly [K in keyof GovernanceSettings]?: unknown };
};
export type GovernanceSettingsCommand = ChangeGovernanceSettings;

export interface GovernanceSettingsState {
  /** False until the tenant changed anything: then the defaults apply. */
  readonly configured: boolean;
  readonly settings: GovernanceSettings;
  readonly changedAt: string | null;
  readonly changedBy: string | null;
  readonly reason: string | null;
}

export const initialGovernanceSettingsState: GovernanceSettingsState = { configured: false, settings: DEFAULT_GOVERNANCE_SETTINGS, changedAt: null, changedBy: null, reason: null };

export function evolveGovernanceSettings(state: GovernanceSettingsState, event: GovernanceSettingsEvent): GovernanceSettingsState {
  switch (event.type) {
    case 'GovernanceSettingsChanged':
      return { configured: true, settings: event.data.settings, changedAt: event.data.changedAt, changedBy: event.data.changedBy, reason: event.data.reason };
    default:
      return assertNever(event.type);
  }
}

const BOUNDS: { readonly [K in keyof GovernanceSettings]: { readonly min: number; readonly max: number; readonly unit: string } } = {
  maxMonthsInPhase: { min: 1, max: MAX_SETTING_MONTHS_IN_PHASE, unit: 'months' },
  maxMonthsOnJourney: { min: 1, max: MAX_SETTING_MONTHS_ON_JOURNEY, unit: 'months' },
  escalationTimeoutDays: { min: 1, max: MAX_SETTING_ESCALATION_TIMEOUT_DAYS, unit: 'days' },
  consentDeadlineDays: { min: 1, max: MAX_TIME_BOX_DAYS, unit: 'days' },
};
const KEYS = Object.keys(BOUNDS) as (keyof GovernanceSettings)[];

function merge(current: GovernanceSettings, input: ChangeGovernanceSettings['data']): GovernanceSettings | Rejection {
  const next: Record<string, number> = { ...current };
  const given = KEYS.filter((key) => input[key] !== undefined);
  if (given.length === 0) {
    return reject('invalid', 'SETTINGS.NOTHING_TO_CHANGE', `Name at least one of ${KEYS.join(', ')}.`, { field: KEYS[0]! });
  }
  for (const key of given) {
    const value = input[key];
    const { min, max, unit } = BOUNDS[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return reject('invalid', 'SETTINGS.VALUE_INVALID', `${key} is a whole number of ${unit} from ${min} to ${max}.`, { field: key });
    }
    next[key] = value;
  }
  if (next['maxMonthsOnJourney']! < next['maxMonthsInPhase']!) {
    return reject('invalid', 'SETTINGS.JOURNEY_SHORTER_THAN_PHASE', 'maxMonthsOnJourney cannot be shorter than maxMonthsInPhase: the journey holds the phases.', {
      field: 'maxMonthsOnJourney',
    });
  }
  return next as unknown as GovernanceSettings;
}

const same = (a: GovernanceSettings, b: GovernanceSettings) => KEYS.every((key) => a[key] === b[key]);

/** One small decider: the tenant's governance thresholds and defaults, each change with a reason. */
export const governanceSettingsDecider: Decider<GovernanceSettingsCommand, GovernanceSettingsEvent, GovernanceSettingsState> = {
  initialState: initialGovernanceSettingsState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'ChangeGovernanceSettings': {
        const settings = merge(state.settings, command.data);
        if (isRejection(settings)) return settings;
        if (same(settings, state.settings)) return [];
        const reason = requiredReason(ctx.reason, "change the tenant's governance settings");
        if (isRejection(reason)) return reason;
        return [
          {
            type: 'GovernanceSettingsChanged',
            data: { tenantId: ctx.tenantId, previous: state.settings, settings, changedBy: ctx.actor.id, changedAt: ctx.now.toISOString(), reason },
          },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: evolveGovernanceSettings,
};
