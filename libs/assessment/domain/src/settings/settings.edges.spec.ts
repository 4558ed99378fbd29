import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ZoneThresholds } from '../scoring/zones';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { settingsDecider, settingsStreamId } from './settings.decider';
import type { SettingsEvent } from './settings.events';
import { evolveSettings, initialSettingsState } from './settings.state';

const spec = DeciderSpecification.for(settingsDecider);
const now = '2026-01-15T09:00:00.000Z';
const configure = (anonymityThreshold: unknown, zoneThresholds: unknown = DEFAULT_ZONE_THRESHOLDS) => ({ type: 'ConfigureAssessment', data: { anonymityThreshold, zoneThresholds } }) as never;
const changed = (anonymityThreshold: number, zoneThresholds: ZoneThresholds = DEFAULT_ZONE_THRESHOLDS, reason = 'works council agreement'): SettingsEvent => ({
  type: 'AssessmentSettingsChanged',
  data: { tenantId: 'tenant-test', anonymityThreshold, zoneThresholds, changedBy: 'user-test', changedAt: now, reason },
});

describe('tenant assessment settings at their edges', () => {
  it('live in one stream per tenant', () => {
    expect(settingsStreamId('acme')).toBe('assessment-settings-acme');
  });

  it('start unconfigured: choosing the defaults the first time is still a change that needs a reason', () => {
    expect(initialSettingsState.configured).toBe(false);
    spec.given([]).when(configure(5)).thenRejects('SETTINGS.REASON_REQUIRED', { category: 'invalid', field: 'reason' });
    spec.given([]).when(configure(5), { reason: '  works council agreement ' }).then([changed(5)]);
  });

  it('do nothing only when every setting stays the same', () => {
    const given = [changed(6, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 })];
    spec.given(given).when(configure(6, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 })).thenNothingHappens();
    spec.given(given).when(configure(7, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 }), { reason: 'r' }).then([changed(7, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 }, 'r')]);
    spec.given(given).when(configure(6, { safetyHighFrom: 5, standardsHighFrom: 4.5 }), { reason: 'r' }).then([changed(6, { safetyHighFrom: 5, standardsHighFrom: 4.5 }, 'r')]);
    spec.given(given).when(configure(6, { safetyHighFrom: 5.5, standardsHighFrom: 5 }), { reason: 'r' }).then([changed(6, { safetyHighFrom: 5.5, standardsHighFrom: 5 }, 'r')]);
    const refusal = spec.given(given).when(configure(6, { safetyHighFrom: 5.5, standardsHighFrom: 5 })).thenRejects('SETTINGS.REASON_REQUIRED', { field: 'reason' });
    expect(refusal.message).toContain('assessment settings');
  });

  it('refuse a threshold that is not a whole number, and refuse unknown commands and events', () => {
    spec.given([]).when(configure(4.5), { reason: 'r' }).thenRejects('ROUND.THRESHOLD_INVALID', { field: 'anonymityThreshold' });
    spec.given([]).when(configure(5, { safetyHighFrom: 5 }), { reason: 'r' }).thenRejects('ZONE.THRESHOLD_INVALID', { field: 'zoneThresholds.standardsHighFrom' });
    expect(() => settingsDecider.decide({ type: 'ResetAssessment', data: {} } as never, initialSettingsState, { actor: { id: 'u', kind: 'user' } } as never)).toThrow();
    expect(() => evolveSettings(initialSettingsState, { type: 'AssessmentReset', data: {} } as never)).toThrow();
  });
});
