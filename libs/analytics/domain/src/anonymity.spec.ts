import { DEFAULT_ANONYMITY_THRESHOLD, aggregateCells, shownResults, zoneShown } from './anonymity';
import { round } from './records.fixture';
import type { RoundRecord } from './records';

const CLOSED = '2026-03-01T00:00:00.000Z';
/** A round of the fixture whose abi result rests on `abiN` answers and its other results on `n`. */
const mixed = (n: number, abiN: number, threshold = 5): RoundRecord => {
  const r = round('r1', CLOSED, 'learning', { safety: 5.2, n, threshold });
  return { ...r, results: r.results.map((x) => (x.instrumentId === 'abi-trustworthiness' ? { ...x, n: abiN } : x)) };
};

describe('the cells a round may show', () => {
  it('defaults to the threshold of DOMAIN.md and assessment', () => {
    expect(DEFAULT_ANONYMITY_THRESHOLD).toBe(5);
  });

  it('shows the results at or above both the round’s frozen threshold and the tenant’s current one', () => {
    const r = mixed(6, 5, 4);
    expect(shownResults(r, 5).map((x) => x.instrumentId)).toEqual(['psychological-safety', 'abi-trustworthiness', 'leerzone-standards']);
    expect(shownResults(r, 6).map((x) => x.instrumentId)).toEqual(['psychological-safety', 'leerzone-standards']);
    expect(shownResults(mixed(6, 6, 7), 5)).toEqual([]);
  });

  it('shows nothing of a round that did not close with results, whatever its document holds', () => {
    const r = mixed(6, 6);
    expect(shownResults({ ...r, outcome: 'not-enough-answers' }, 5)).toEqual([]);
    expect(shownResults({ ...r, outcome: null }, 5)).toEqual([]);
  });
});

describe('whether a round’s zone may be shown', () => {
  it('only when every one of its results may be', () => {
    expect(zoneShown(mixed(6, 6), 5)).toBe(true);
    expect(zoneShown(mixed(6, 4), 5)).toBe(false);
    expect(zoneShown(mixed(6, 6), 7)).toBe(false);
  });

  it('not when the round placed no zone', () => {
    expect(zoneShown({ ...mixed(6, 6), zone: null }, 5)).toBe(false);
  });

  it('not when the round has no results to rest it on', () => {
    expect(zoneShown({ ...mixed(6, 6), results: [] }, 5)).toBe(false);
  });
});

describe('an aggregate of shown cells', () => {
  it('is the respondent-weighted mean, with its answers and teams', () => {
    expect(aggregateCells([{ teamId: 'a', mean: 4, n: 6 }, { teamId: 'b', mean: 5.5, n: 4 }], 5)).toEqual({ mean: 4.6, n: 10, teams: 2 });
    expect(aggregateCells([{ teamId: 'a', mean: 1, n: 3 }, { teamId: 'b', mean: 2, n: 3 }, { teamId: 'c', mean: 2, n: 3 }], 5)).toEqual({ mean: 1.667, n: 9, teams: 3 });
  });

  it('counts a team with several cells once', () => {
    expect(aggregateCells([{ teamId: 'a', mean: 4, n: 5 }, { teamId: 'a', mean: 5, n: 5 }, { teamId: 'b', mean: 3, n: 5 }], 5)).toEqual({ mean: 4, n: 15, teams: 2 });
  });

  it('is withheld below the threshold of answers, shown at it', () => {
    expect(aggregateCells([{ teamId: 'a', mean: 4, n: 2 }, { teamId: 'b', mean: 5, n: 2 }], 5)).toBeNull();
    expect(aggregateCells([{ teamId: 'a', mean: 4, n: 2 }, { teamId: 'b', mean: 5, n: 3 }], 5)).toEqual({ mean: 4.6, n: 5, teams: 2 });
  });

  it('is none without cells, even where no answers are required', () => {
    expect(aggregateCells([], 0)).toBeNull();
  });
});
