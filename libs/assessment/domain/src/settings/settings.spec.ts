import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { settingsDecider } from './settings.decider';
import type { SettingsEvent } from './settings.events';
import { effectiveSettings, initialSettingsState } from './settings.state';

const spec = DeciderSpecification.for(settingsDecider);
const now = '2026-01-15T09:00:00.000Z';
const configure = (anonymityThreshold: unknown, zoneThresholds: unknown = DEFAULT_ZONE_THRESHOLDS) => ({ type: 'ConfigureAssessment', data: { anonymityThreshold, zoneThresholds } }) as never;
const changed = (anonymityThreshold: number, zoneThresholds = DEFAULT_ZONE_THRESHOLDS): SettingsEvent => ({
  type: 'AssessmentSettingsChanged',
  data: { tenantId: 'tenant-test', anonymityThreshold, zoneThresholds, changedBy: 'user-test', changedAt: now, reason: 'works council agreement' },
});

describe('tenant assessment settings', () => {
  it('default to a threshold of 5 and zones from 5', () => {
    expect(effectiveSettings(initialSettingsState)).toEqual({ anonymityThreshold: 5, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 } });
  });

  it('take a tenant threshold of 3 or more and its zone thresholds, with a reason', () => {
    spec.given([]).when(configure(7, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 }), { reason: 'works council agreement' }).then([changed(7, { safetyHighFrom: 5.5, standardsHighFrom: 4.5 })]);
    spec.given([]).when(configure(3), { reason: 'works council agreement' }).then([changed(3)]);
    spec.given([]).when(configure(2), { reason: 'small teams' }).thenRejects('ROUND.THRESHOLD_TOO_LOW', { field: 'anonymityThreshold' });
    spec.given([]).when(configure(5, { safetyHighFrom: 0, standardsHighFrom: 5 }), { reason: 'x' }).thenRejects('ZONE.THRESHOLD_INVALID', { field: 'zoneThresholds.safetyHighFrom' });
    spec.given([]).when(configure(6)).thenRejects('SETTINGS.REASON_REQUIRED', { field: 'reason' });
    spec.given([changed(6)]).when(configure(6)).thenNothingHappens();
  });
});
