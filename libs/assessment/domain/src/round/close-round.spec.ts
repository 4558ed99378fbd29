import { describe, expect, it } from '@jest/globals';
import type { SealedValue } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { seededShuffle } from '../shared/seeded-shuffle';
import { roundDecider } from './round.decider';
import type { RoundClosed, RoundEvent } from './round.events';
import { as, COACH, MEMBERS, NOW, ROUND, sealed, sheet, TEAM, withAnswers } from './round.fixtures';
import { commentSubject } from './round.model';
import { roundProgress, roundResults } from './round.queries';

const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const comments = (n: number): SealedValue[] => Array.from({ length: n }, (_, i) => sealed(commentSubject(`c${i}`), `comment-${i}`));
/** Safety scores 4,5,5,6,5 and standards scores 5,4,5,6,5 (each respondent uniform over the items). */
const fiveSheets = [sheet(4, 5), sheet(5, 4), sheet(5, 5), sheet(6, 6), sheet(5, 5)];
const close = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'CloseRound', data: { roundId: ROUND, sheets: fiveSheets, comments: [], shuffleSeed: 42, previousZone: null, zoneThresholds: DEFAULT_ZONE_THRESHOLDS, ...overrides } }) as never;

function decide(events: RoundEvent[], command: unknown): RoundEvent[] {
  const state = events.reduce(roundDecider.evolve, roundDecider.initialState);
  const decision = roundDecider.decide(command as never, state, testContext({ actor: { id: COACH, kind: 'user' }, now: NOW }));
  if (isRejection(decision)) throw new Error(`${decision.code}: ${decision.message}`);
  return [...decision];
}
const closedData = (events: RoundEvent[]) => (events[0] as RoundClosed).data;

describe('closing below the threshold', () => {
  it('closes with "not enough answers" and no number at all', () => {
    spec
      .given(withAnswers(4))
      .when(close({ sheets: fiveSheets.slice(0, 4), comments: comments(4) }), as(COACH))
      .then([
        {
          type: 'RoundClosed',
          data: { roundId: ROUND, teamId: TEAM, outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null, closedBy: COACH, closedAt: now },
        },
      ]);
  });

  it('shows no count while open until n reaches the threshold, then "n of group"', () => {
    const state = (events: RoundEvent[]) => events.reduce(roundDecider.evolve, roundDecider.initialState);
    expect(roundProgress(state(withAnswers(4)))).toEqual({ kind: 'not-enough-answers-yet' });
    expect(roundProgress(state(withAnswers(5)))).toEqual({ kind: 'answered', n: 5, of: MEMBERS.length, closesAt: null });
    expect(roundProgress(state([]))).toEqual({ kind: 'no-round' });
    const closedBelow = [...withAnswers(4), ...decide(withAnswers(4), close({ sheets: fiveSheets.slice(0, 4) }))];
    expect(roundResults(state(closedBelow))).toEqual({ kind: 'not-enough-answers' });
    expect(roundResults(state(withAnswers(4)))).toEqual({ kind: 'still-open' });
  });
});

describe('closing at the threshold', () => {
  it('computes the results from exactly the threshold number of answers', () => {
    const data = closedData(decide(withAnswers(5), close()));
    expect(data.outcome).toBe('results');
    const [safety, standards] = data.results!;
    // Safety: scores 4,5,5,6,5 → mean 25/5 = 5; squares 1+0+0+1+0 = 2, /4 = .5, SD √.5 = .7071.
    // Every item has the same values, so every item variance is .5: s̄² = .5, σ²E(7) = 4, ratio .125;
    // rwg(7) = 7(.875) / (7(.875) + .125) = 6.125 / 6.25 = 0.98.
    expect(safety!.dimensions).toEqual([{ dimensionId: 'psychological-safety', itemCount: 7, n: 5, mean: 5, sd: 0.7071, rwg: 0.98, lowAgreement: false }]);
    expect(safety!.total).toEqual({ n: 5, mean: 5, sd: 0.7071, rwg: 0.98, lowAgreement: false });
    expect(safety!.items.map((i) => [i.itemId, i.mean, i.sd])).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => [`ps-${k}`, 5, 0.7071]));
    // Standards: scores 5,4,5,6,5 → mean 5, SD .7071; per dimension J = 3: 3(.875)/(2.625 + .125) = .954545 → .9545;
    // total over J = 6: 6(.875)/(5.25 + .125) = .976744 → .9767.
    expect(standards!.dimensions.map((d) => [d.dimensionId, d.mean, d.sd, d.rwg])).toEqual([
      ['height', 5, 0.7071, 0.9545],
      ['clarity', 5, 0.7071, 0.9545],
    ]);
    expect(standards!.total).toEqual({ n: 5, mean: 5, sd: 0.7071, rwg: 0.9767, lowAgreement: false });
  });

  it('places a team exactly at both thresholds in the learning zone and announces the move', () => {
    const events = decide(withAnswers(5), close({ previousZone: 'comfort' }));
    expect(closedData(events).zone).toEqual({ zone: 'learning', safety: 5, standards: 5, thresholds: DEFAULT_ZONE_THRESHOLDS, lowAgreement: false });
    expect(events[1]).toEqual({
      type: 'TeamZoneChanged',
      data: { teamId: TEAM, roundId: ROUND, from: 'comfort', to: 'learning', safety: 5, standards: 5, thresholds: DEFAULT_ZONE_THRESHOLDS, changedAt: now },
    });
  });

  it('announces a team’s first zone, and stays silent when the zone did not change', () => {
    expect(decide(withAnswers(5), close())[1]).toMatchObject({ type: 'TeamZoneChanged', data: { from: null, to: 'learning' } });
    expect(decide(withAnswers(5), close({ previousZone: 'learning' }))).toHaveLength(1);
  });

  it('uses the tenant’s thresholds: just above the team’s means puts it in apathy', () => {
    const thresholds = { safetyHighFrom: 5.0001, standardsHighFrom: 5.0001 };
    const events = decide(withAnswers(5), close({ zoneThresholds: thresholds, previousZone: 'learning' }));
    expect(events[1]).toMatchObject({ type: 'TeamZoneChanged', data: { from: 'learning', to: 'apathy', thresholds } });
  });
});

describe('comments', () => {
  it('are shown from the threshold up, shuffled by the seed and dated at the close', () => {
    const given = comments(5);
    const data = closedData(decide(withAnswers(5), close({ comments: given, shuffleSeed: 7 })));
    expect(data.comments).toEqual(seededShuffle(given, 7));
    expect(data.comments).not.toEqual(given);
    expect([...data.comments].sort((a, b) => a.$sealed.subject.localeCompare(b.$sealed.subject))).toEqual(given);
    expect(data.commentsDatedAt).toBe(now);
  });

  it('are withheld, every one, below the threshold', () => {
    const data = closedData(decide(withAnswers(5), close({ comments: comments(4) })));
    expect(data.comments).toEqual([]);
    expect(data.commentsDatedAt).toBeNull();
  });

  it('must each be sealed under a comment subject of its own', () => {
    spec.given(withAnswers(5)).when(close({ comments: [sealed(MEMBERS[0]!)] })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments[0]' });
    spec.given(withAnswers(5)).when(close({ comments: [sealed(commentSubject('a')), sealed(commentSubject('a'))] })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments[1]' });
    spec.given(withAnswers(5)).when(close({ comments: comments(6) })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments' });
  });
});

describe('closing needs every stored answer, valid', () => {
  it('refuses fewer or more sheets than stored answers', () => {
    spec.given(withAnswers(5)).when(close({ sheets: fiveSheets.slice(0, 4) })).thenRejects('ROUND.ANSWERS_INCOMPLETE', { field: 'sheets', category: 'precondition' });
  });

  it('re-checks each sheet and names the bad one', () => {
    const bad = [...fiveSheets.slice(0, 2), [sheet(5, 5)[0]], ...fiveSheets.slice(3)];
    spec.given(withAnswers(5)).when(close({ sheets: bad })).thenRejects('ANSWER.INSTRUMENT_MISSING', { field: 'sheets[2]' });
  });

  it('refuses bad lookups and a second close', () => {
    spec.given(withAnswers(5)).when(close({ shuffleSeed: -1 })).thenRejects('ROUND.SHUFFLE_SEED_INVALID', { field: 'shuffleSeed' });
    spec.given(withAnswers(5)).when(close({ previousZone: 'panic' })).thenRejects('ROUND.PREVIOUS_ZONE_INVALID', { field: 'previousZone' });
    spec.given(withAnswers(5)).when(close({ zoneThresholds: { safetyHighFrom: 9, standardsHighFrom: 5 } })).thenRejects('ZONE.THRESHOLD_INVALID', { field: 'zoneThresholds.safetyHighFrom' });
    const closed = [...withAnswers(5), ...decide(withAnswers(5), close())];
    spec.given(closed).when(close()).thenRejects('ROUND.ALREADY_CLOSED', { category: 'conflict' });
  });
});

it('stores no respondent id next to an answer, results or comments anywhere in the round', () => {
  const history = [...withAnswers(5), ...decide(withAnswers(5), close({ comments: comments(5) }))];
  const withAnswerContent = history.filter((e) => e.type === 'AnswerRecorded' || e.type === 'RoundClosed' || e.type === 'TeamZoneChanged');
  for (const member of MEMBERS) expect(JSON.stringify(withAnswerContent)).not.toContain(member);
});
