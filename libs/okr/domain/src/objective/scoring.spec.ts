import { describe, expect, it } from '@jest/globals';
import type { Measure } from './measure.model';
import { isAchieved, roundScore, scoreBand, scoreOf, weightedMean } from './scoring';

describe('score bands', () => {
  it('each band includes its upper end, with a tolerance for floating point', () => {
    expect([0.3 + 1e-9, 0.1 + 0.2, 0.6 + 1e-9, 0.7, 1].map(scoreBand)).toEqual(['low', 'low', 'middle', 'high', 'high']);
  });

  it('anything above the top band still counts as high', () => {
    expect(scoreBand(1.5)).toBe('high');
  });
});

describe('achieved', () => {
  it('a committed objective only at 1.0; an aspirational one from 0.4', () => {
    expect([isAchieved('committed', 1), isAchieved('committed', 0.9)]).toEqual([true, false]);
    expect([isAchieved('aspirational', 0.4), isAchieved('aspirational', 0.3), isAchieved('aspirational', 1)]).toEqual([true, false, true]);
  });
});

describe('a key result’s score', () => {
  const increase: Measure = { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' };

  it('is 0 without a final value, else its progress rounded and clamped', () => {
    expect(scoreOf(increase, null)).toBe(0);
    expect([47, 55, 80, 20].map((v) => scoreOf(increase, v))).toEqual([0.4, 0.8, 1, 0]);
    expect(roundScore(0.35)).toBe(0.4);
  });
});

describe('weightedMean', () => {
  it('is 0 of nothing, and weighs each part', () => {
    expect(weightedMean([])).toBe(0);
    expect(weightedMean([{ value: 1, weight: 0 }])).toBe(0);
    expect(weightedMean([{ value: 1, weight: 3 }, { value: 0, weight: 1 }])).toBe(0.75);
  });
});
