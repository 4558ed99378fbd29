import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { governanceSettingsAsOf } from '../time-travel/time-travel.queries';
import { DEFAULT_GOVERNANCE_SETTINGS, governanceSettingsDecider, governanceSettingsStreamId } from './settings.decider';
import type { GovernanceSettingsEvent } from './settings.events';

const spec = DeciderSpecification.for(governanceSettingsDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const ctx = (reason?: string) => ({ actor: { id: 'user-lead', kind: 'user' as const }, now: NOW, tenantId: 'acme', ...(reason ? { reason } : {}) });
const change = (data: Record<string, unknown>) => ({ type: 'ChangeGovernanceSettings', data }) as const;
const changed = (settings: Partial<typeof DEFAULT_GOVERNANCE_SETTINGS>, previous = DEFAULT_GOVERNANCE_SETTINGS, changedAt = NOW.toISOString()): GovernanceSettingsEvent => ({
  type: 'GovernanceSettingsChanged',
  data: { tenantId: 'acme', previous, settings: { ...previous, ...settings }, changedBy: 'user-lead', changedAt, reason: 'large units' },
});

describe('ChangeGovernanceSettings', () => {
  it('starts from the defaults (6 and 12 months, 14 days, 7 days) and changes what is named, with a reason', () => {
    expect(DEFAULT_GOVERNANCE_SETTINGS).toEqual({ maxMonthsInPhase: 6, maxMonthsOnJourney: 12, escalationTimeoutDays: 14, consentDeadlineDays: 7 });
    spec.given([]).when(change({ maxMonthsInPhase: 9, maxMonthsOnJourney: 18 }), ctx('large units')).then([changed({ maxMonthsInPhase: 9, maxMonthsOnJourney: 18 })]);
  });

  it('keeps what is left out, and records nothing when nothing changes', () => {
    const first = changed({ escalationTimeoutDays: 5 });
    spec.given([first]).when(change({ consentDeadlineDays: 3 }), ctx('large units')).then([changed({ consentDeadlineDays: 3 }, { ...DEFAULT_GOVERNANCE_SETTINGS, escalationTimeoutDays: 5 })]);
    spec.given([first]).when(change({ escalationTimeoutDays: 5 }), ctx()).then([]);
  });

  it.each([
    [{ maxMonthsInPhase: 0 }, 'maxMonthsInPhase'],
    [{ maxMonthsInPhase: 25 }, 'maxMonthsInPhase'],
    [{ maxMonthsOnJourney: 1.5 }, 'maxMonthsOnJourney'],
    [{ escalationTimeoutDays: '7' }, 'escalationTimeoutDays'],
    [{ consentDeadlineDays: 91 }, 'consentDeadlineDays'],
  ])('refuses %j', (data, field) => {
    spec.given([]).when(change(data), ctx('x')).thenRejects('SETTINGS.VALUE_INVALID', { field });
  });

  it('refuses a journey shorter than a phase, an empty change and no reason', () => {
    spec.given([]).when(change({ maxMonthsInPhase: 12, maxMonthsOnJourney: 10 }), ctx('x')).thenRejects('SETTINGS.JOURNEY_SHORTER_THAN_PHASE', { field: 'maxMonthsOnJourney' });
    spec.given([]).when(change({}), ctx('x')).thenRejects('SETTINGS.NOTHING_TO_CHANGE');
    spec.given([]).when(change({ maxMonthsInPhase: 7 }), ctx()).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('lets the journey last exactly as long as a phase', () => {
    spec.given([]).when(change({ maxMonthsInPhase: 12, maxMonthsOnJourney: 12 }), ctx('large units')).then([changed({ maxMonthsInPhase: 12 })]);
  });

  it('says what it refuses: the settings to name, the journey that holds the phases, the change that needs a reason', () => {
    spec
      .given([])
      .when(change({}), ctx('x'))
      .thenRejects('SETTINGS.NOTHING_TO_CHANGE', { category: 'invalid', field: 'maxMonthsInPhase', message: 'Name at least one of maxMonthsInPhase, maxMonthsOnJourney, escalationTimeoutDays, consentDeadlineDays.' });
    spec
      .given([])
      .when(change({ maxMonthsInPhase: 12, maxMonthsOnJourney: 10 }), ctx('x'))
      .thenRejects('SETTINGS.JOURNEY_SHORTER_THAN_PHASE', { category: 'invalid', message: expect.stringContaining('maxMonthsOnJourney cannot be shorter than maxMonthsInPhase') as unknown as string });
    spec.given([]).when(change({ maxMonthsInPhase: 7 }), ctx()).thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', message: "A reason is required to change the tenant's governance settings." });
  });

  it("keeps a tenant's settings in a stream of its own", () => {
    expect(governanceSettingsStreamId('acme')).toBe('governance-settings-acme');
  });

  it('throws on a command or an event it does not know, which only a programming error can send', () => {
    expect(() => governanceSettingsDecider.decide({ type: 'ResetGovernanceSettings', data: {} } as never, governanceSettingsDecider.initialState, ctx('x') as never)).toThrow('Unexpected value');
    expect(() => governanceSettingsDecider.evolve(governanceSettingsDecider.initialState, { type: 'GovernanceSettingsReset', data: {} } as never)).toThrow('Unexpected value');
  });

  it('reads as of a time: the defaults before the first change', () => {
    const event = { ...changed({ maxMonthsInPhase: 9 }, DEFAULT_GOVERNANCE_SETTINGS, '2026-02-01T00:00:00.000Z'), occurredAt: '2026-02-01T00:00:00.000Z' };
    expect(governanceSettingsAsOf([event], new Date('2026-01-31T00:00:00.000Z'))).toMatchObject({ configured: false, settings: DEFAULT_GOVERNANCE_SETTINGS });
    expect(governanceSettingsAsOf([event], new Date('2026-02-01T00:00:00.000Z'))).toMatchObject({ configured: true, settings: { maxMonthsInPhase: 9 } });
  });
});
