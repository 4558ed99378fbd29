import { describe, expect, it } from '@jest/globals';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import { expectedUniformVariance, isLowAgreement, rwgJ } from './rwg';
import { respondentScores, reverseScore, scoreInstrument } from './score-instrument';
import { mean, sampleSd, sampleVariance } from './statistics';

const answers = (prefix: string, values: number[]) => new Map(values.map((v, i) => [`${prefix}-${i + 1}`, v]));

describe('reverse items', () => {
  it('scores A + 1 − x', () => {
    // 7-point: 8 − x; 5-point: 6 − x; the midpoint stays.
    expect([1, 2, 4, 7].map((x) => reverseScore(x, 7))).toEqual([7, 6, 4, 1]);
    expect([1, 3, 5].map((x) => reverseScore(x, 5))).toEqual([5, 3, 1]);
  });

  it('reverses items 1, 3 and 5 of the safety scale', () => {
    // raw 2,6,3,5,1,6,7 → scored 8−2=6, 6, 8−3=5, 5, 8−1=7, 6, 7; sum 42; mean 42/7 = 6
    const scores = respondentScores(PSYCHOLOGICAL_SAFETY_V1, answers('ps', [2, 6, 3, 5, 1, 6, 7]));
    expect([...scores.items.values()]).toEqual([6, 6, 5, 5, 7, 6, 7]);
    expect(scores.dimensions.get('psychological-safety')).toBe(6);
    expect(scores.total).toBe(6);
  });

  it('gives ABI sub-scores per dimension, item 15 reversed, and the total as the mean of the three', () => {
    // ability 4,4,5,4,3,4 → 24/6 = 4
    // benevolence 3,4,5,3,3 → 18/5 = 3.6
    // integrity 4,5,4,(6−2=4),5,4 → 26/6 = 4.3333…
    // total (4 + 3.6 + 4.3333…)/3 = 11.9333…/3 = 3.9777…
    const scores = respondentScores(ABI_TRUSTWORTHINESS_V1, answers('abi', [4, 4, 5, 4, 3, 4, 3, 4, 5, 3, 3, 4, 5, 4, 2, 5, 4]));
    expect(scores.items.get('abi-15')).toBe(4);
    expect(scores.dimensions.get('ability')).toBe(4);
    expect(scores.dimensions.get('benevolence')).toBeCloseTo(3.6, 10);
    expect(scores.dimensions.get('integrity')).toBeCloseTo(26 / 6, 10);
    expect(scores.total).toBeCloseTo(3.977777, 5);
  });
});

describe('statistics', () => {
  it('uses the sample variance (n − 1)', () => {
    // [4,5,3]: mean 4, squares 0+1+1 = 2, /2 = 1
    expect(mean([4, 5, 3])).toBe(4);
    expect(sampleVariance([4, 5, 3])).toBe(1);
    expect(sampleSd([4.5, 4.5, 3])).toBeCloseTo(Math.sqrt(0.75), 10);
    expect(sampleVariance([4])).toBeNull();
  });
});

describe('rwg(j)', () => {
  it('has σ²E = (A² − 1)/12: 4 for seven points, 2 for five', () => {
    expect(expectedUniformVariance(7)).toBe(4);
    expect(expectedUniformVariance(5)).toBe(2);
  });

  it('matches a hand computation', () => {
    // 5-point, J = 2. Item A [4,4,5]: mean 4.333, squares .111+.111+.444 = .667, /2 = .3333
    // Item B [3,4,5]: squares 1+0+1 = 2, /2 = 1. s̄² = (.3333 + 1)/2 = .6667; s̄²/σ²E = .6667/2 = .3333
    // rwg = 2(1 − .3333) / (2(1 − .3333) + .3333) = 1.3333 / 1.6667 = 0.8
    expect(rwgJ([sampleVariance([4, 4, 5]), sampleVariance([3, 4, 5])], 5)).toBeCloseTo(0.8, 10);
  });

  it('is 1 when everyone agrees and (1 − ratio) for a single item', () => {
    expect(rwgJ([0, 0, 0], 7)).toBe(1);
    // J = 1, variance 1 on 5 points: ratio .5 → .5 / (.5 + .5) = .5
    expect(rwgJ([1], 5)).toBe(0.5);
  });

  it('is 0 once the observed variance reaches the uniform null, and beyond it', () => {
    // [2,4]: mean 3, squares 1+1, /1 = 2 = σ²E(5) → ratio exactly 1 → 0
    expect(rwgJ([sampleVariance([2, 4])], 5)).toBe(0);
    // [1,5,1,5]: squares 4×4 = 16, /3 = 5.33 > 2: the raw formula would leave [0,1]
    expect(rwgJ([sampleVariance([1, 5, 1, 5]), 0.1], 5)).toBe(0);
  });

  it('is unknown with fewer than two respondents', () => {
    expect(rwgJ([sampleVariance([3])], 5)).toBeNull();
  });

  it('flags low agreement strictly below 0.7', () => {
    expect(isLowAgreement(0.7)).toBe(false);
    expect(isLowAgreement(0.6999)).toBe(true);
    expect(isLowAgreement(null)).toBe(false);
  });
});

describe('scoreInstrument', () => {
  const small: InstrumentDefinition = {
    instrumentId: 'small',
    version: 1,
    title: 'Small',
    source: { kind: 'tenant', tenantId: 't', note: null },
    referent: null,
    scale: { points: 5, lowAnchor: 'No', highAnchor: 'Yes' },
    dimensions: [
      { dimensionId: 'a', title: 'A' },
      { dimensionId: 'b', title: 'B' },
    ],
    items: [
      { itemId: 'a1', dimensionId: 'a', text: 'a1', reverse: false },
      { itemId: 'a2', dimensionId: 'a', text: 'a2', reverse: true },
      { itemId: 'b1', dimensionId: 'b', text: 'b1', reverse: false },
    ],
    total: 'mean-of-dimensions',
  };

  it('gives mean, SD, n and rwg(j) per dimension and for the total', () => {
    // R1 a1 4, a2 2→4, b1 5: a 4, b 5, total 4.5
    // R2 a1 5, a2 1→5, b1 4: a 5, b 4, total 4.5
    // R3 a1 3, a2 3→3, b1 3: a 3, b 3, total 3
    // a: [4,5,3] mean 4, SD 1; items a1 [4,5,3] var 1, a2 [4,5,3] var 1 → s̄² 1, ratio 1/2; rwg = 2(.5)/(1 + .5) = .6667 → low
    // b: [5,4,3] mean 4, SD 1; J = 1, var 1 → .5/(.5 + .5) = .5 → low
    // total: [4.5,4.5,3] mean 4, squares .25+.25+1 = 1.5, /2 = .75, SD .8660; J = 3, s̄² 1 → 3(.5)/(1.5 + .5) = .75 → not low
    const result = scoreInstrument(small, [
      new Map([['a1', 4], ['a2', 2], ['b1', 5]]),
      new Map([['a1', 5], ['a2', 1], ['b1', 4]]),
      new Map([['a1', 3], ['a2', 3], ['b1', 3]]),
    ]);
    expect(result).toEqual({
      instrumentId: 'small',
      version: 1,
      n: 3,
      dimensions: [
        { dimensionId: 'a', itemCount: 2, n: 3, mean: 4, sd: 1, rwg: 0.6667, lowAgreement: true },
        { dimensionId: 'b', itemCount: 1, n: 3, mean: 4, sd: 1, rwg: 0.5, lowAgreement: true },
      ],
      total: { n: 3, mean: 4, sd: 0.866, rwg: 0.75, lowAgreement: false },
      items: [
        { itemId: 'a1', dimensionId: 'a', n: 3, mean: 4, sd: 1 },
        { itemId: 'a2', dimensionId: 'a', n: 3, mean: 4, sd: 1 },
        { itemId: 'b1', dimensionId: 'b', n: 3, mean: 4, sd: 1 },
      ],
    });
  });

  it('leaves the total out when the instrument has none', () => {
    const result = scoreInstrument({ ...small, total: 'none' }, [new Map([['a1', 4], ['a2', 2], ['b1', 5]])]);
    expect(result.total).toBeNull();
    expect(result.dimensions[0]).toMatchObject({ n: 1, sd: null, rwg: null, lowAgreement: false });
  });

  it('can total as the mean of all items', () => {
    // R1 items 4,4,5 → 13/3 = 4.3333
    expect(scoreInstrument({ ...small, total: 'mean-of-items' }, [new Map([['a1', 4], ['a2', 2], ['b1', 5]])]).total?.mean).toBe(4.3333);
  });
});
