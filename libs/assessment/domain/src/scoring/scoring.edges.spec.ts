import { describe, expect, it } from '@jest/globals';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import { rwgJ } from './rwg';
import { respondentScores, scoreInstrument } from './score-instrument';
import { mean, roundTo } from './statistics';
import { parseZoneThresholds } from './zones';

const answers = (prefix: string, values: number[]) => new Map(values.map((v, i) => [`${prefix}-${i + 1}`, v]));

describe('scoring at its edges', () => {
  it('gives no total where the definition asks for none', () => {
    const noTotal: InstrumentDefinition = { ...PSYCHOLOGICAL_SAFETY_V1, total: 'none' };
    const scores = respondentScores(noTotal, answers('ps', [2, 6, 3, 5, 1, 6, 7]));
    expect(scores.total).toBeNull();
    expect(scores.dimensions.get('psychological-safety')).toBe(6);
    expect(scoreInstrument(noTotal, [answers('ps', [2, 6, 3, 5, 1, 6, 7])]).total).toBeNull();
  });

  it('refuses to score, or take the mean of, nothing', () => {
    expect(() => scoreInstrument(PSYCHOLOGICAL_SAFETY_V1, [])).toThrow(/at least one answer/);
    expect(() => mean([])).toThrow(/no values/);
  });

  it('rounds a tiny negative to plain zero, never −0', () => {
    expect(roundTo(-0.00001, 4)).toBe(0);
    expect(Object.is(roundTo(-0.00001, 4), -0)).toBe(false);
    expect(roundTo(-0.00006, 4)).toBe(-0.0001);
    expect(roundTo(2.00004, 4)).toBe(2);
  });

  it('has no agreement index without items, or with any item variance unknown', () => {
    expect(rwgJ([], 7)).toBeNull();
    expect(rwgJ([0.5, null], 7)).toBeNull();
    expect(rwgJ([null, 0.5], 7)).toBeNull();
    expect(rwgJ([0.5, 0.5], 7)).not.toBeNull();
  });
});

describe('zone thresholds at their edges', () => {
  it('read a missing or non-object input as missing thresholds', () => {
    for (const input of [undefined, null, 5, 'x']) {
      expect(parseZoneThresholds(input, 'zones')).toMatchObject({ category: 'invalid', code: 'ZONE.THRESHOLD_INVALID', field: 'zones.safetyHighFrom' });
    }
  });

  it('refuse a number that is not finite, naming the threshold and the scale', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseZoneThresholds({ safetyHighFrom: bad, standardsHighFrom: 5 })).toMatchObject({ code: 'ZONE.THRESHOLD_INVALID', field: 'zoneThresholds.safetyHighFrom' });
      const refusal = parseZoneThresholds({ safetyHighFrom: 5, standardsHighFrom: bad });
      expect(refusal).toMatchObject({ code: 'ZONE.THRESHOLD_INVALID', field: 'zoneThresholds.standardsHighFrom' });
      expect((refusal as { message: string }).message).toContain('standardsHighFrom');
      expect((refusal as { message: string }).message).toMatch(/1.*7/);
    }
    expect(parseZoneThresholds({ safetyHighFrom: 1.0001, standardsHighFrom: 7 })).toEqual({ safetyHighFrom: 1.0001, standardsHighFrom: 7 });
  });
});
