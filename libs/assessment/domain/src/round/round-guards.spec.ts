import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { roundDecider } from './round.decider';
import type { RoundEvent } from './round.events';
import { COACH, NOW, ROUND, roundOpened, T0, TEAM } from './round.fixtures';
import { parseIdList, parseThreshold, requireAnswering } from './round.guards';

/** The shared guards on their own: each refusal's class (it becomes the HTTP status) and the sentence it says. */
const closed: RoundEvent = {
  type: 'RoundClosed',
  data: { roundId: ROUND, teamId: TEAM, outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null, closedBy: COACH, closedAt: T0 },
};
const closedRound = [roundOpened(), closed].reduce(roundDecider.evolve, roundDecider.initialState);

const refusal = (value: unknown): Rejection => {
  if (!isRejection(value)) throw new Error(`Expected a refusal, got ${JSON.stringify(value)}`);
  return value;
};

describe('round guards', () => {
  it('class each refusal and say in it what is wrong', () => {
    const ids = (value: unknown) => parseIdList(value, 'memberIds', 'ROUND.RESPONDENTS_INVALID', 'member id', 2);
    const cases: [string, unknown, Partial<Rejection>, RegExp][] = [
      ['answering a closed round', requireAnswering(closedRound, ROUND, testContext({ now: NOW })), { code: 'ROUND.CLOSED', category: 'precondition', field: 'roundId' }, /^Round r-1 is closed/],
      ['no ids', ids([]), { code: 'ROUND.RESPONDENTS_INVALID', category: 'invalid', field: 'memberIds' }, /^Give at least one member id\.$/],
      ['more ids than allowed', ids(['a', 'b', 'c']), { code: 'ROUND.RESPONDENTS_INVALID', category: 'invalid', field: 'memberIds' }, /^At most 2 member ids\.$/],
      ['a threshold that is no whole number', parseThreshold(4.5, 3, 'threshold'), { code: 'ROUND.THRESHOLD_INVALID', category: 'invalid', field: 'threshold' }, /whole number of respondents/],
      ['a threshold that is text', parseThreshold('5', 3, 'threshold'), { code: 'ROUND.THRESHOLD_INVALID', category: 'invalid', field: 'threshold' }, /whole number of respondents/],
    ];
    for (const [name, outcome, expected, message] of cases) {
      const r = refusal(outcome);
      expect({ name, ...r }).toMatchObject({ name, ...expected });
      expect(r.message).toMatch(message);
    }
  });
});
