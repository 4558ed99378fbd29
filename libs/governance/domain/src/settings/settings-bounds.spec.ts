import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_GOVERNANCE_SETTINGS, governanceSettingsDecider } from './settings.decider';
import type { GovernanceSettings, GovernanceSettingsEvent } from './settings.events';

const spec = DeciderSpecification.for(governanceSettingsDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const because = (reason?: string) => ({ actor: { id: 'user-lead', kind: 'user' as const }, now: NOW, tenantId: 'acme', ...(reason ? { reason } : {}) });
const change = (data: Record<string, unknown>) => ({ type: 'ChangeGovernanceSettings', data }) as const;
const changedTo = (settings: Partial<GovernanceSettings>): GovernanceSettingsEvent => ({
  type: 'GovernanceSettingsChanged',
  data: { tenantId: 'acme', previous: DEFAULT_GOVERNANCE_SETTINGS, settings: { ...DEFAULT_GOVERNANCE_SETTINGS, ...settings }, changedBy: 'user-lead', changedAt: NOW.toISOString(), reason: 'large units' },
});

/** Each setting is a whole number within its own bounds, both ends included; a refusal names the setting, its unit and its bounds. */
describe('governance settings bounds', () => {
  it.each([
    ['maxMonthsInPhase', 'months', 24, { maxMonthsInPhase: 1 }, { maxMonthsInPhase: 24, maxMonthsOnJourney: 24 }],
    ['maxMonthsOnJourney', 'months', 36, { maxMonthsInPhase: 1, maxMonthsOnJourney: 1 }, { maxMonthsOnJourney: 36 }],
    ['escalationTimeoutDays', 'days', 90, { escalationTimeoutDays: 1 }, { escalationTimeoutDays: 90 }],
    ['consentDeadlineDays', 'days', 90, { consentDeadlineDays: 1 }, { consentDeadlineDays: 90 }],
  ] as const)('%s is a whole number of %s from 1 to %i', (key, unit, max, lowest, highest) => {
    spec.given([]).when(change(lowest), because('large units')).then([changedTo(lowest)]);
    spec.given([]).when(change(highest), because('large units')).then([changedTo(highest)]);
    for (const value of [0, max + 1]) {
      spec
        .given([])
        .when(change({ [key]: value }), because('large units'))
        .thenRejects('SETTINGS.VALUE_INVALID', { category: 'invalid', field: key, message: `${key} is a whole number of ${unit} from 1 to ${max}.` });
    }
  });
});
