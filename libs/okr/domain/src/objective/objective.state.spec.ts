import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider, objectiveStreamId } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { isObjectiveEvent, OBJECTIVE_EVENT_TYPES } from './objective.events';
import { ANNA, DAY, decrease, define, history, increase, lazy, milestone, OBJ, running, sealed } from './objective.fixtures';
import { activeKeyResults, evolveObjective, initialObjectiveState } from './objective.state';
import { DEFAULT_STATUS_THRESHOLDS } from './progress';

const T = DAY(30).toISOString();
const after = (given: readonly ObjectiveEvent[], ...events: ObjectiveEvent[]) => fold(objectiveDecider, [...given, ...events]);
const definition = (measure: typeof increase | typeof decrease | typeof milestone, weight = 1) => ({ title: 'Key result kr-1', measure, weight });

const checkedIn = (checkInId: string, keyResultId: string, blockers: { blockerId: string }[] = []): ObjectiveEvent => ({
  type: 'KeyResultCheckedIn',
  data: {
    objectiveId: OBJ,
    keyResultId,
    checkInId,
    value: 50,
    confidence: 7,
    comment: null,
    status: 'on-track',
    elapsed: 0.3,
    expectedValue: 46,
    attainment: 1.6,
    thresholds: DEFAULT_STATUS_THRESHOLDS,
    blockers: blockers.map((b) => ({ blockerId: b.blockerId, description: sealed('waiting'), removableBy: { kind: 'coach' } })),
    stillBlockedBy: [],
    checkedInAs: 'member',
    checkedInBy: ANNA,
    checkedInAt: T,
  },
});

describe('the initial state', () => {
  it('is an empty, undefined objective', () => {
    expect(initialObjectiveState).toMatchObject({ exists: false, objectiveId: null, committedAt: null, grade: null, review: null, alignment: null, carriedForwardFrom: null });
    expect(initialObjectiveState.carriedForwardTo).toEqual([]);
    expect(initialObjectiveState.contributesTo).toEqual([]);
    expect(initialObjectiveState.keyResults.size).toBe(0);
  });
});

describe('evolving an objective', () => {
  const given = lazy(() => running());

  it('a revision replaces title, description and commitment', () => {
    const state = after(given(), {
      type: 'ObjectiveRevised',
      data: {
        objectiveId: OBJ,
        previous: { title: 'Clients feel heard', description: null, commitment: 'committed' },
        title: 'Every client feels heard',
        description: 'Measured by the survey',
        commitment: 'aspirational',
        revisedBy: ANNA,
        revisedAt: T,
        reason: 'x',
      },
    });
    expect(state).toMatchObject({ exists: true, objectiveId: OBJ, title: 'Every client feels heard', description: 'Measured by the survey', commitment: 'aspirational' });
  });

  it('a redefinition before any goalpost moved is the new original; after a move the original stays', () => {
    const redefined = (target: number): ObjectiveEvent => ({
      type: 'KeyResultRedefined',
      data: { objectiveId: OBJ, keyResultId: 'kr-1', previous: definition(increase), definition: definition({ ...increase, target } as never), redefinedBy: ANNA, redefinedAt: T, reason: null },
    });
    expect(after(given(), redefined(70)).keyResults.get('kr-1')!.original.measure).toMatchObject({ target: 70 });
    const moved: ObjectiveEvent = {
      type: 'KeyResultGoalpostMoved',
      data: { objectiveId: OBJ, keyResultId: 'kr-1', previous: definition(increase), definition: definition(increase, 2), changed: ['weight'], movedBy: ANNA, movedAt: T, reason: 'r' },
    };
    const kr = after(given(), moved, redefined(70)).keyResults.get('kr-1')!;
    expect(kr.original).toEqual(definition(increase));
    expect(kr.definition.measure).toMatchObject({ target: 70 });
    expect(kr.moves).toEqual([{ changed: ['weight'], movedBy: ANNA, movedAt: T, reason: 'r' }]);
  });

  it('a removed key result stays, marked, and no longer counts', () => {
    const state = after(given(), { type: 'KeyResultRemoved', data: { objectiveId: OBJ, keyResultId: 'kr-2', whileRunning: true, removedBy: ANNA, removedAt: T, reason: 'r' } });
    expect(state.keyResults.get('kr-2')!.removed).toBe(true);
    expect(state.keyResults.get('kr-1')!.removed).toBe(false);
    expect([...state.keyResults.keys()]).toEqual(['kr-1', 'kr-2', 'kr-3']);
    expect(activeKeyResults(state).map((kr) => kr.keyResultId)).toEqual(['kr-1', 'kr-3']);
  });

  it('alignment: proposed, then accepted or declined; an answer without a proposal leaves none', () => {
    const parentOwner = { kind: 'unit', id: 'unit-care' } as const;
    const proposed: ObjectiveEvent = { type: 'AlignmentProposed', data: { objectiveId: OBJ, parentObjectiveId: 'p-1', parentOwner, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: T } };
    const accepted: ObjectiveEvent = { type: 'AlignmentAccepted', data: { objectiveId: OBJ, parentObjectiveId: 'p-1', acceptedBy: ANNA, acceptedAt: T } };
    const declined: ObjectiveEvent = { type: 'AlignmentDeclined', data: { objectiveId: OBJ, parentObjectiveId: 'p-1', declinedBy: ANNA, declinedAt: T, reason: 'no' } };
    expect(after(given(), proposed).alignment).toEqual({ parentObjectiveId: 'p-1', parentOwner, status: 'proposed' });
    expect(after(given(), proposed, accepted).alignment).toEqual({ parentObjectiveId: 'p-1', parentOwner, status: 'accepted' });
    expect(after(given(), proposed, declined).alignment).toEqual({ parentObjectiveId: 'p-1', parentOwner, status: 'declined' });
    expect(after(given(), accepted).alignment).toBeNull();
    expect(after(given(), declined).alignment).toBeNull();
  });

  it('contributions are replaced by the latest list', () => {
    const set = (objectiveIds: string[], previous: string[]): ObjectiveEvent => ({ type: 'ContributionsSet', data: { objectiveId: OBJ, previous, objectiveIds, setBy: ANNA, setAt: T } });
    expect(after(given(), set(['o-2', 'o-3'], [])).contributesTo).toEqual(['o-2', 'o-3']);
    expect(after(given(), set(['o-2', 'o-3'], []), set(['o-4'], ['o-2', 'o-3'])).contributesTo).toEqual(['o-4']);
  });

  it('a check-in is kept on its key result, and its blockers are open until resolved, one by one', () => {
    const state = after(given(), checkedIn('c-1', 'kr-1', [{ blockerId: 'b-1' }, { blockerId: 'b-2' }]), checkedIn('c-2', 'kr-1'), {
      type: 'BlockerResolved',
      data: { objectiveId: OBJ, keyResultId: 'kr-1', blockerId: 'b-1', resolvedBy: ANNA, resolvedAt: DAY(40).toISOString() },
    });
    expect(state.keyResults.get('kr-1')!.checkIns.map((c) => c.checkInId)).toEqual(['c-1', 'c-2']);
    expect(state.keyResults.get('kr-2')!.checkIns).toEqual([]);
    expect([...state.checkInIds]).toEqual(['c-1', 'c-2']);
    expect(state.blockers.get('b-1')).toEqual({ blockerId: 'b-1', keyResultId: 'kr-1', removableBy: { kind: 'coach' }, raisedAt: T, resolvedAt: DAY(40).toISOString() });
    expect(state.blockers.get('b-2')).toEqual({ blockerId: 'b-2', keyResultId: 'kr-1', removableBy: { kind: 'coach' }, raisedAt: T, resolvedAt: null });
  });

  it('a key result grade keeps the computed score, the score that counts and the override reason', () => {
    const graded = (keyResultId: string, override: { score: number; reason: string } | null): ObjectiveEvent => ({
      type: 'KeyResultGraded',
      data: {
        objectiveId: OBJ,
        cycleId: 'cycle-q1',
        cycleEndsOn: '2026-04-10',
        owner: { kind: 'team', id: 'team-a' },
        commitment: 'committed',
        keyResultId,
        finalValue: 50,
        computedScore: 0.5,
        score: override?.score ?? 0.5,
        override,
        goalpostMoved: false,
        scoreAgainstOriginal: null,
        weight: 1,
        gradedBy: ANNA,
        gradedAt: T,
      },
    });
    const state = after(given(), graded('kr-1', { score: 0.7, reason: 'the survey was late' }), graded('kr-2', null));
    expect(state.keyResults.get('kr-1')!.grade).toEqual({ computedScore: 0.5, score: 0.7, scoreAgainstOriginal: null, overrideReason: 'the survey was late' });
    expect(state.keyResults.get('kr-2')!.grade).toEqual({ computedScore: 0.5, score: 0.5, scoreAgainstOriginal: null, overrideReason: null });
    expect(state.keyResults.get('kr-3')!.grade).toBeNull();
  });

  it('the blockers review opens, gathers findings in order and closes; without an open review nothing changes', () => {
    const finding = (findingId: string): ObjectiveEvent => ({
      type: 'BlockersReviewFindingRecorded',
      data: { objectiveId: OBJ, findingId, obstacle: sealed('tool'), removableBy: null, recordedBy: ANNA, recordedAt: T },
    });
    const opened: ObjectiveEvent = { type: 'BlockersReviewOpened', data: { objectiveId: OBJ, cycleId: 'cycle-q1', score: 0.5, blockerIds: [], openedBy: ANNA, openedAt: T } };
    const closed: ObjectiveEvent = { type: 'BlockersReviewClosed', data: { objectiveId: OBJ, findingIds: ['f-1', 'f-2'], closedBy: ANNA, closedAt: T } };
    expect(after(given(), opened).review).toEqual({ status: 'open', findingIds: [] });
    expect(after(given(), opened, finding('f-1'), finding('f-2')).review).toEqual({ status: 'open', findingIds: ['f-1', 'f-2'] });
    expect(after(given(), opened, finding('f-1'), finding('f-2'), closed).review).toEqual({ status: 'closed', findingIds: ['f-1', 'f-2'] });
    expect(after(given(), closed).review).toBeNull();
    expect(after(given(), finding('f-1')).review).toBeNull();
  });

  it('every carry-forward is remembered, in order', () => {
    const carried = (toObjectiveId: string, toCycleId: string): ObjectiveEvent => ({ type: 'ObjectiveCarriedForward', data: { objectiveId: OBJ, toObjectiveId, toCycleId, carriedBy: ANNA, carriedAt: T } });
    expect(after(given(), carried('obj-2', 'cycle-q2'), carried('obj-3', 'cycle-q3')).carriedForwardTo).toEqual([
      { objectiveId: 'obj-2', cycleId: 'cycle-q2' },
      { objectiveId: 'obj-3', cycleId: 'cycle-q3' },
    ]);
  });

  it('refuses an event it does not know, rather than ignoring it', () => {
    expect(() => evolveObjective(initialObjectiveState, { type: 'ObjectiveExploded', data: {} } as never)).toThrow();
  });
});

describe('the decider', () => {
  it('names one stream per tenant and objective', () => {
    expect(objectiveStreamId('tenant-a', OBJ)).toBe('okr-objective-8:tenant-a:obj-1');
    expect(objectiveStreamId('tenant-b', OBJ)).not.toBe(objectiveStreamId('tenant-a', OBJ));
  });

  it('throws on a command it does not know', () => {
    const state = fold(objectiveDecider, history(define()));
    expect(() => objectiveDecider.decide({ type: 'ExplodeObjective', data: {} } as unknown as ObjectiveCommand, state, testContext())).toThrow();
  });
});

describe('the event catalogue', () => {
  it('lists every objective event type once and recognises exactly those', () => {
    expect(OBJECTIVE_EVENT_TYPES).toHaveLength(19);
    expect(new Set(OBJECTIVE_EVENT_TYPES).size).toBe(19);
    for (const type of OBJECTIVE_EVENT_TYPES) expect(isObjectiveEvent({ type })).toBe(true);
    expect(isObjectiveEvent({ type: 'CycleStarted' })).toBe(false);
    expect(isObjectiveEvent({ type: 'toString' })).toBe(false);
    for (const event of running()) expect(isObjectiveEvent(event)).toBe(true);
  });
});
