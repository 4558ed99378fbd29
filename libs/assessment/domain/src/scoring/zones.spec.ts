import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ZONE_THRESHOLDS, parseZoneThresholds, placeInZone } from './zones';

describe('the four zones', () => {
  it('places a team exactly at both default thresholds in the learning zone', () => {
    expect(placeInZone({ safety: 5, standards: 5 }, DEFAULT_ZONE_THRESHOLDS)).toBe('learning');
  });

  it('puts a team just below a threshold on the low side of that axis', () => {
    expect(placeInZone({ safety: 4.9999, standards: 5 }, DEFAULT_ZONE_THRESHOLDS)).toBe('anxiety');
    expect(placeInZone({ safety: 5, standards: 4.9999 }, DEFAULT_ZONE_THRESHOLDS)).toBe('comfort');
    expect(placeInZone({ safety: 4.9999, standards: 4.9999 }, DEFAULT_ZONE_THRESHOLDS)).toBe('apathy');
  });

  it('uses a tenant’s own thresholds, inclusive at each', () => {
    const thresholds = { safetyHighFrom: 4.5, standardsHighFrom: 6 };
    expect(placeInZone({ safety: 4.5, standards: 6 }, thresholds)).toBe('learning');
    expect(placeInZone({ safety: 4.5, standards: 5.99 }, thresholds)).toBe('comfort');
    expect(placeInZone({ safety: 4.49, standards: 6 }, thresholds)).toBe('anxiety');
  });

  it('accepts thresholds inside the 1–7 scale and names the bad one otherwise', () => {
    expect(parseZoneThresholds({ safetyHighFrom: 7, standardsHighFrom: 1.5 })).toEqual({ safetyHighFrom: 7, standardsHighFrom: 1.5 });
    expect(parseZoneThresholds({ safetyHighFrom: 1, standardsHighFrom: 5 })).toMatchObject({ code: 'ZONE.THRESHOLD_INVALID', field: 'zoneThresholds.safetyHighFrom' });
    expect(parseZoneThresholds({ safetyHighFrom: 5, standardsHighFrom: 7.5 })).toMatchObject({ field: 'zoneThresholds.standardsHighFrom' });
    expect(parseZoneThresholds({ safetyHighFrom: '5', standardsHighFrom: 5 })).toMatchObject({ field: 'zoneThresholds.safetyHighFrom' });
    expect(parseZoneThresholds(null)).toMatchObject({ field: 'zoneThresholds.safetyHighFrom' });
  });
});
