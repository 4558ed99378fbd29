import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ObjectiveCommand } from './objective.commands';
import type { KeyResultCheckedIn, ObjectiveEvent } from './objective.events';
import { objectiveDecider } from './objective.decider';
import { addKr, ANNA, checkIn, commit, cycle, DAY, decide, decrease, define, history, increase, lazy, milestone, OBJ, on, running, runningSteps, sealed } from './objective.fixtures';
import { objectiveProgress, objectiveStatus, overdueKeyResults } from './objective.queries';
import { DEFAULT_STATUS_THRESHOLDS } from './progress';

const spec = DeciderSpecification.for(objectiveDecider);
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a word is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

const blocker = { blockerId: 'b-1', description: sealed('waiting for the survey tool'), removableBy: { kind: 'team', teamId: 'team-it' } } as const;
const statusOf = (command: ObjectiveCommand, day: number) => {
  const decision = decide(running(), command, on(day));
  if (!Array.isArray(decision)) throw new Error(`refused: ${JSON.stringify(decision)}`);
  return decision[0]!.type === 'KeyResultCheckedIn' ? decision[0]!.data : null;
};

/**
 * The cycle runs 100 days, so on day 50 the expected line is halfway (elapsed 0.5).
 * kr-1 increases 40 → 60: expected 40 + 20 × 0.5 = 50. Attainment = ((value − 40) / 20) / 0.5.
 */
describe('the expected line and the status thresholds (defaults 0.95 / 0.75 / confidence ≤ 3)', () => {
  it('records where the line stood: 49.5 → (9.5 / 20) / 0.5 = 0.95, exactly on the behind threshold, is on track', () => {
    expect(statusOf(checkIn('c-1', 'kr-1', 49.5), 50)).toMatchObject({ elapsed: 0.5, expectedValue: 50, attainment: 0.95, status: 'on-track' });
  });

  it('49.4 → 9.4 / 20 / 0.5 = 0.94 is behind', () => {
    expect(statusOf(checkIn('c-1', 'kr-1', 49.4), 50)).toMatchObject({ attainment: 0.94, status: 'behind' });
  });

  it('47.5 → 7.5 / 20 / 0.5 = 0.75, exactly on the at-risk threshold, is behind; 47.4 → 0.74 is at risk', () => {
    expect(statusOf(checkIn('c-1', 'kr-1', 47.5), 50)).toMatchObject({ attainment: 0.75, status: 'behind' });
    expect(statusOf(checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [blocker] }), 50)).toMatchObject({ attainment: 0.74, status: 'at-risk' });
  });

  it('confidence 3 makes an on-track value at risk; 4 does not', () => {
    expect(statusOf(checkIn('c-1', 'kr-1', 55, 3, { blockers: [blocker] }), 50)).toMatchObject({ attainment: 1.5, status: 'at-risk' });
    expect(statusOf(checkIn('c-1', 'kr-1', 55, 4), 50)).toMatchObject({ status: 'on-track' });
  });

  it('reads a decrease the other way: kr-2 20 → 10 at 15.5 on day 50 → (15.5 − 20) / (10 − 20) / 0.5 = 0.9, behind', () => {
    expect(statusOf(checkIn('c-1', 'kr-2', 15.5), 50)).toMatchObject({ expectedValue: 15, attainment: 0.9, status: 'behind' });
  });

  it('expects nothing on the first day, and a milestone only at the end', () => {
    expect(statusOf(checkIn('c-1', 'kr-1', 40), 0)).toMatchObject({ elapsed: 0, attainment: 1, status: 'on-track' });
    expect(statusOf(checkIn('c-1', 'kr-3', false), 99)).toMatchObject({ expectedValue: null, status: 'on-track' });
    expect(statusOf(checkIn('c-1', 'kr-3', false, 7, { blockers: [blocker] }), 100)).toMatchObject({ elapsed: 1, attainment: 0, status: 'at-risk' });
  });

  it('applies the tenant thresholds it is given, and records them', () => {
    const lenient = { behindBelow: 0.9, atRiskBelow: 0.5, atRiskConfidenceAtMost: 2 };
    expect(statusOf(checkIn('c-1', 'kr-1', 49.4, 7, { thresholds: lenient }), 50)).toMatchObject({ status: 'on-track', thresholds: lenient });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 49, 7, { thresholds: { ...lenient, atRiskBelow: 0.95 } }), on(50)).thenRejects('OKR.THRESHOLDS_INVALID', { field: 'thresholds' });
  });
});

describe('an at-risk check-in names a blocker', () => {
  it('is refused without one, and nothing is recorded', () => {
    spec.given(running()).when(checkIn('c-1', 'kr-1', 47.4), on(50)).thenRejects('OKR.BLOCKER_REQUIRED', { field: 'blockers', category: 'precondition', details: { attainment: 0.74, confidence: 7, thresholds: DEFAULT_STATUS_THRESHOLDS } });
  });

  it('records the blocker, sealed, with who could remove it', () => {
    spec
      .given(running())
      .when(checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [blocker], comment: sealed('slow start') }), on(50))
      .then([
        {
          type: 'KeyResultCheckedIn',
          data: {
            objectiveId: OBJ,
            keyResultId: 'kr-1',
            checkInId: 'c-1',
            value: 47.4,
            confidence: 7,
            comment: sealed('slow start'),
            status: 'at-risk',
            elapsed: 0.5,
            expectedValue: 50,
            attainment: 0.74,
            thresholds: DEFAULT_STATUS_THRESHOLDS,
            blockers: [blocker],
            stillBlockedBy: [],
            checkedInAs: 'member',
            checkedInBy: ANNA,
            checkedInAt: DAY(50).toISOString(),
          },
        },
      ]);
  });

  it('may point at a blocker still open; a resolved one no longer counts', () => {
    const blocked = history(...runningSteps(), [checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [blocker] }), on(50)]);
    expect(decide(blocked, checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: ['b-1'] }), on(51))).toMatchObject([{ data: { status: 'at-risk', stillBlockedBy: ['b-1'] } }]);
    const resolve: ObjectiveCommand = { type: 'ResolveBlocker', data: { objectiveId: OBJ, blockerId: 'b-1' } };
    spec.given(blocked).when(resolve, on(52)).then([{ type: 'BlockerResolved', data: { objectiveId: OBJ, keyResultId: 'kr-1', blockerId: 'b-1', resolvedBy: ANNA, resolvedAt: DAY(52).toISOString() } }]);
    const resolved = [...blocked, ...(decide(blocked, resolve, on(52)) as never[])];
    spec.given(resolved).when(resolve, on(53)).thenNothingHappens();
    spec.given(resolved).when(checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: ['b-1'] }), on(53)).thenRejects('OKR.BLOCKER_NOT_FOUND', { field: 'stillBlockedBy.0' });
    spec.given(blocked).when(checkIn('c-2', 'kr-1', 47.4, 7, { blockers: [blocker] }), on(53)).thenRejects('OKR.BLOCKER_ALREADY_EXISTS', { field: 'blockers.0.blockerId' });
  });

  it('refuses a blocker in plain text or with an unknown remover', () => {
    spec.given(running()).when(checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [{ ...blocker, description: 'plain' as never }] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers.0.description' });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [{ ...blocker, removableBy: { kind: 'the-boss' } as never }] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers.0.removableBy.kind' });
  });
});

describe('who and when may check in', () => {
  it('only a current member or the coach (the relation comes from the service)', () => {
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 7, { actorRelation: 'none' }), on(50)).thenRejects('OKR.NOT_A_MEMBER', { category: 'forbidden', field: 'actorRelation' });
    expect(decide(running(), checkIn('c-1', 'kr-1', 50, 7, { actorRelation: 'coach' }), on(50))).toMatchObject([{ data: { checkedInAs: 'coach' } }]);
  });

  it('only on a committed objective in a running cycle', () => {
    const draft = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'));
    spec.given(draft).when(checkIn('c-1', 'kr-1', 50), on(50)).thenRejects('OKR.OBJECTIVE_NOT_COMMITTED');
    wellFormed(spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 7, { cycle: cycle('planning') }), on(50)).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status' }));
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 7, { cycle: cycle('running', 'cycle-q2') }), on(50)).thenRejects('OKR.CYCLE_MISMATCH', { field: 'cycle.cycleId' });
  });

  it('refuses bad input naming the field', () => {
    spec.given(running()).when(checkIn('c-1', 'kr-1', 'high'), on(50)).thenRejects('OKR.VALUE_INVALID', { field: 'value' });
    spec.given(running()).when(checkIn('c-1', 'kr-3', 1), on(50)).thenRejects('OKR.VALUE_INVALID', { field: 'value' });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 11), on(50)).thenRejects('OKR.CONFIDENCE_INVALID', { field: 'confidence' });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 6.5), on(50)).thenRejects('OKR.CONFIDENCE_INVALID');
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, 7, { comment: 'plain text' as never }), on(50)).thenRejects('OKR.COMMENT_INVALID', { field: 'comment' });
    spec.given(running()).when(checkIn('c-1', 'kr-9', 50), on(50)).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultId' });
    const once = history(...runningSteps(), [checkIn('c-1', 'kr-1', 50), on(50)]);
    spec.given(once).when(checkIn('c-1', 'kr-2', 15), on(50)).thenRejects('OKR.CHECK_IN_ALREADY_RECORDED', { field: 'checkInId' });
  });
});

describe('roll-up', () => {
  it('an objective takes the status of its weakest key result', () => {
    const events = history(...runningSteps(), [checkIn('c-1', 'kr-1', 50), on(50)], [checkIn('c-2', 'kr-2', 15.5), on(50)]);
    expect(objectiveStatus(fold(objectiveDecider, events))).toBe('behind');
    expect(objectiveStatus(fold(objectiveDecider, running()))).toBeNull();
  });

  it('progress is the weighted mean: weights 2, 1, 1 with progress 0.5, 0.45, 0 → (2 × 0.5 + 0.45 + 0) / 4 = 0.3625', () => {
    const steps = [define(), addKr('kr-1', increase, 2), addKr('kr-2', decrease), addKr('kr-3', milestone), commit()];
    const weighted = history(...steps);
    const events = history(...steps, [checkIn('c-1', 'kr-1', 50), on(50)], [checkIn('c-2', 'kr-2', 15.5), on(50)], [checkIn('c-3', 'kr-3', false), on(50)]);
    expect(objectiveProgress(fold(objectiveDecider, weighted))).toBe(0);
    expect(objectiveProgress(fold(objectiveDecider, events))).toBeCloseTo(0.3625, 10);
  });
});

describe('overdue check-ins (cadence 7 days, committed on day 0)', () => {
  const state = lazy(() => fold(objectiveDecider, history(...runningSteps(), [checkIn('c-1', 'kr-1', 45), on(10)])));

  it('lists key results past their cadence: kr-1 was due on day 17, the others on day 7', () => {
    expect(overdueKeyResults(state(), cycle('running'), 7, DAY(20))).toEqual([
      { keyResultId: 'kr-1', lastCheckInAt: DAY(10).toISOString(), dueAt: DAY(17).toISOString(), daysOverdue: 3 },
      { keyResultId: 'kr-2', lastCheckInAt: null, dueAt: DAY(7).toISOString(), daysOverdue: 13 },
      { keyResultId: 'kr-3', lastCheckInAt: null, dueAt: DAY(7).toISOString(), daysOverdue: 13 },
    ]);
  });

  it('is not overdue at the due moment itself, nor outside a running cycle', () => {
    expect(overdueKeyResults(state(), cycle('running'), 7, DAY(17)).map((o) => o.keyResultId)).toEqual(['kr-2', 'kr-3']);
    expect(overdueKeyResults(state(), cycle('grading'), 7, DAY(20))).toEqual([]);
  });
});

describe('check-in input at its edges', () => {
  const atRisk = (extra: Partial<Parameters<typeof checkIn>[4]> = {}) => checkIn('c-1', 'kr-1', 47.4, 7, extra);
  const recorded = (command: ObjectiveCommand, given: ObjectiveEvent[] = running(), day = 50): KeyResultCheckedIn['data'] => {
    const decision = decide(given, command, on(day));
    const event = Array.isArray(decision) ? decision[0] : undefined;
    if (event?.type !== 'KeyResultCheckedIn') throw new Error(`refused: ${JSON.stringify(decision)}`);
    return event.data;
  };

  it('a blocker may leave out who could remove it, or name the coach or the unit above', () => {
    expect(recorded(atRisk({ blockers: [{ blockerId: 'b-1', description: sealed('x') }] })).blockers).toEqual([{ blockerId: 'b-1', description: sealed('x'), removableBy: null }]);
    expect(recorded(atRisk({ blockers: [{ blockerId: 'b-1', description: sealed('x'), removableBy: null }] })).blockers[0]!.removableBy).toBeNull();
    expect(recorded(atRisk({ blockers: [{ ...blocker, removableBy: { kind: 'coach' } }] })).blockers[0]!.removableBy).toEqual({ kind: 'coach' });
    expect(recorded(atRisk({ blockers: [{ ...blocker, removableBy: { kind: 'unit-above' } }] })).blockers[0]!.removableBy).toEqual({ kind: 'unit-above' });
  });

  it('another team as remover needs its id; a remover that is not an object is refused', () => {
    wellFormed(spec.given(running()).when(atRisk({ blockers: [{ ...blocker, removableBy: { kind: 'team' } as never }] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { category: 'invalid', field: 'blockers.0.removableBy.teamId' }));
    spec.given(running()).when(atRisk({ blockers: [{ ...blocker, removableBy: 'coach' as never }] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers.0.removableBy.kind' });
  });

  it('blockers are a list of at most 10, each with a valid id, none twice', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ blockerId: `b-${i}`, description: sealed(`late ${i}`) }));
    expect(recorded(atRisk({ blockers: many(10) })).blockers).toHaveLength(10);
    spec.given(running()).when(atRisk({ blockers: many(11) }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { category: 'invalid', field: 'blockers' });
    spec.given(running()).when(atRisk({ blockers: { blockerId: 'b-1' } as never }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers' });
    spec.given(running()).when(atRisk({ blockers: [null as never] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers.0.blockerId' });
    wellFormed(spec.given(running()).when(atRisk({ blockers: [blocker, { ...blocker, blockerId: ' b-2' }] }), on(50)).thenRejects('OKR.BLOCKER_INVALID', { field: 'blockers.1.blockerId' }));
    spec.given(running()).when(atRisk({ blockers: [blocker, { ...blocker, description: sealed('again') }] }), on(50)).thenRejects('OKR.BLOCKER_ALREADY_EXISTS', { category: 'conflict', field: 'blockers.1.blockerId' });
  });

  it('stillBlockedBy lists open blockers of this key result, each once', () => {
    const blocked = history(...runningSteps(), [atRisk({ blockers: [blocker] }), on(50)]);
    expect(recorded(checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: ['b-1', 'b-1'] }), blocked, 51).stillBlockedBy).toEqual(['b-1']);
    spec.given(blocked).when(checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: 'b-1' as never }), on(51)).thenRejects('OKR.BLOCKER_INVALID', { category: 'invalid', field: 'stillBlockedBy' });
    spec.given(blocked).when(checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: ['b-1', 'b-9'] }), on(51)).thenRejects('OKR.BLOCKER_NOT_FOUND', { category: 'not-found', field: 'stillBlockedBy.1' });
    spec.given(blocked).when(checkIn('c-2', 'kr-1', 47.4, 7, { stillBlockedBy: [7 as never] }), on(51)).thenRejects('OKR.BLOCKER_NOT_FOUND', { field: 'stillBlockedBy.0' });
    // b-1 stands in the way of kr-1, not of kr-2 (20 → 10 at 19 on day 50: 0.2, at risk).
    spec.given(blocked).when(checkIn('c-2', 'kr-2', 19, 7, { stillBlockedBy: ['b-1'] }), on(51)).thenRejects('OKR.BLOCKER_NOT_FOUND', { field: 'stillBlockedBy.0' });
  });

  it('an at-risk check-in may name a new blocker and an open one together', () => {
    const blocked = history(...runningSteps(), [atRisk({ blockers: [blocker] }), on(50)]);
    const data = recorded(checkIn('c-2', 'kr-1', 47.4, 7, { blockers: [{ ...blocker, blockerId: 'b-2' }], stillBlockedBy: ['b-1'] }), blocked, 51);
    expect([data.status, data.blockers.map((b) => b.blockerId), data.stillBlockedBy]).toEqual(['at-risk', ['b-2'], ['b-1']]);
  });

  it('a check-in that is not at risk needs no blocker, and records none', () => {
    expect(recorded(checkIn('c-1', 'kr-1', 50))).toMatchObject({ status: 'on-track', blockers: [], stillBlockedBy: [], comment: null });
  });

  it('confidence runs from 0 to 10, both ends included, as a whole number', () => {
    expect(recorded(checkIn('c-1', 'kr-1', 55, 0, { blockers: [blocker] }))).toMatchObject({ confidence: 0, status: 'at-risk' });
    expect(recorded(checkIn('c-1', 'kr-1', 55, 10))).toMatchObject({ confidence: 10, status: 'on-track' });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, -1), on(50)).thenRejects('OKR.CONFIDENCE_INVALID', { category: 'invalid', field: 'confidence' });
    spec.given(running()).when(checkIn('c-1', 'kr-1', 50, '7' as never), on(50)).thenRejects('OKR.CONFIDENCE_INVALID', { field: 'confidence' });
  });

  it('the check-in id must be a valid id', () => {
    wellFormed(spec.given(running()).when(checkIn(' c-1', 'kr-1', 50), on(50)).thenRejects('OKR.CHECK_IN_ID_INVALID', { category: 'invalid', field: 'checkInId' }));
    spec.given(running()).when(checkIn('', 'kr-1', 50), on(50)).thenRejects('OKR.CHECK_IN_ID_INVALID', { field: 'checkInId' });
  });

  it('a draft names the objective; an unknown objective is not found', () => {
    const draft = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'));
    spec.given(draft).when(checkIn('c-1', 'kr-1', 50), on(50)).thenRejects('OKR.OBJECTIVE_NOT_COMMITTED', { category: 'precondition', field: 'objectiveId' });
    spec.given([]).when(checkIn('c-1', 'kr-1', 50), on(50)).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
  });

  it('resolving needs the objective and the blocker', () => {
    const resolve = (blockerId: string): ObjectiveCommand => ({ type: 'ResolveBlocker', data: { objectiveId: OBJ, blockerId } });
    spec.given([]).when(resolve('b-1')).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { category: 'not-found', field: 'objectiveId' });
    spec.given(running()).when(resolve('b-1')).thenRejects('OKR.BLOCKER_NOT_FOUND', { category: 'not-found', field: 'blockerId' });
  });
});

describe('each check-in refusal says of which kind it is and what it refused', () => {
  const once = () => history(...runningSteps(), [checkIn('c-1', 'kr-1', 50), on(50)]);
  const cases: [string, () => ObjectiveEvent[], ObjectiveCommand, { code: string; category: Rejection['category']; field: string; says: string }][] = [
    [
      'a remover it does not know is invalid input, listing the removers it knows',
      running,
      checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [{ ...blocker, removableBy: { kind: 'the-boss' } as never }] }),
      { code: 'OKR.BLOCKER_INVALID', category: 'invalid', field: 'blockers.0.removableBy.kind', says: 'another team ({ kind: "team", teamId }), the coach, or the unit above' },
    ],
    ['a check-in id recorded before is a conflict', once, checkIn('c-1', 'kr-2', 15), { code: 'OKR.CHECK_IN_ALREADY_RECORDED', category: 'conflict', field: 'checkInId', says: 'Check-in c-1 is already recorded.' }],
  ];

  it.each(cases)('%s', (_, given, command, { code, category, field, says }) => {
    spec.given(given()).when(command, on(50)).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});
