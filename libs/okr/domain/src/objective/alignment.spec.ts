import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { alignmentTree } from './alignment.queries';
import type { ObjectiveCommand, ParentObjectiveFacts } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import { ANNA, checkIn, cycle, DAY, history, OBJ, on, running, runningSteps } from './objective.fixtures';

const spec = DeciderSpecification.for(objectiveDecider);
const unitGoal: ParentObjectiveFacts = { objectiveId: 'obj-unit', cycleId: 'cycle-q1', level: 'unit', owner: { kind: 'unit', id: 'unit-care' } };
const propose = (parent: ParentObjectiveFacts = unitGoal): ObjectiveCommand => ({ type: 'ProposeAlignment', data: { objectiveId: OBJ, parent } });
const accept: ObjectiveCommand = { type: 'AcceptAlignment', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit' } };
const decline: ObjectiveCommand = { type: 'DeclineAlignment', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit' } };

describe('alignment, bottom-up', () => {
  it('the team proposes the objective it supports', () => {
    spec.given(running()).when(propose(), on(1)).then([
      { type: 'AlignmentProposed', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit', parentOwner: { kind: 'unit', id: 'unit-care' }, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: DAY(1).toISOString() } },
    ]);
  });

  it('runs upward only, within the cycle, never to itself', () => {
    spec.given(running()).when(propose({ ...unitGoal, level: 'team', owner: { kind: 'team', id: 'team-b' } })).thenRejects('OKR.ALIGNMENT_NOT_UPWARD', { field: 'parent.objectiveId' });
    spec.given(running()).when(propose({ ...unitGoal, cycleId: 'cycle-q2' })).thenRejects('OKR.ALIGNMENT_OTHER_CYCLE');
    spec.given(running()).when(propose({ ...unitGoal, objectiveId: OBJ })).thenRejects('OKR.ALIGNMENT_INVALID');
  });

  it('the parent owner accepts, or declines with a reason', () => {
    const proposed = history(...runningSteps(), propose());
    spec.given(proposed).when(accept, on(2)).then([{ type: 'AlignmentAccepted', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit', acceptedBy: ANNA, acceptedAt: DAY(2).toISOString() } }]);
    spec.given(proposed).when(decline, on(2)).thenRejects('OKR.REASON_REQUIRED');
    spec.given(proposed).when(decline, on(2, { reason: 'This supports the quality goal instead' })).then([
      { type: 'AlignmentDeclined', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit', declinedBy: ANNA, declinedAt: DAY(2).toISOString(), reason: 'This supports the quality goal instead' } },
    ]);
    spec.given(running()).when(accept).thenRejects('OKR.ALIGNMENT_NOT_PROPOSED', { category: 'not-found' });
    spec.given(history(...runningSteps(), propose(), accept)).when(decline, on(3, { reason: 'x' })).thenRejects('OKR.ALIGNMENT_ALREADY_ACCEPTED');
  });

  it('lists what else it contributes to, each once, never itself', () => {
    const set = (objectiveIds: string[]): ObjectiveCommand => ({ type: 'SetContributions', data: { objectiveId: OBJ, objectiveIds } });
    spec.given(running()).when(set(['obj-z', 'obj-a']), on(1)).then([{ type: 'ContributionsSet', data: { objectiveId: OBJ, previous: [], objectiveIds: ['obj-a', 'obj-z'], setBy: ANNA, setAt: DAY(1).toISOString() } }]);
    spec.given(running()).when(set(['obj-a', 'obj-a'])).thenRejects('OKR.CONTRIBUTIONS_INVALID', { field: 'objectiveIds' });
    spec.given(running()).when(set([OBJ])).thenRejects('OKR.CONTRIBUTIONS_INVALID', { field: 'objectiveIds.0' });
  });
});

describe('the alignment tree', () => {
  const objective = (objectiveId: string, level: 'organisation' | 'unit' | 'team', parentObjectiveId: string | null, accepted = true) => {
    const events = history(
      { type: 'DefineObjective', data: { objectiveId, cycle: cycle('planning'), level, owner: { kind: level === 'team' ? 'team' : 'unit', id: `owner-${objectiveId}` }, title: objectiveId, commitment: 'committed' } },
    );
    if (parentObjectiveId) {
      events.push({ type: 'AlignmentProposed', data: { objectiveId, parentObjectiveId, parentOwner: { kind: 'unit', id: 'u' }, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: DAY(0).toISOString() } });
      if (accepted) events.push({ type: 'AlignmentAccepted', data: { objectiveId, parentObjectiveId, acceptedBy: ANNA, acceptedAt: DAY(0).toISOString() } });
    }
    return fold(objectiveDecider, events);
  };

  it('runs organisation → units → teams, with progress and status at every node, and pending links marked', () => {
    const team = fold(objectiveDecider, [
      ...history(...runningSteps(), [checkIn('c-1', 'kr-1', 50), on(50)]),
      { type: 'AlignmentProposed', data: { objectiveId: OBJ, parentObjectiveId: 'unit-1', parentOwner: { kind: 'unit', id: 'u' }, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: DAY(0).toISOString() } },
    ]);
    const tree = alignmentTree([team, objective('unit-1', 'unit', 'org-1'), objective('org-1', 'organisation', null), objective('team-x', 'team', 'unit-1', false)]);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ objectiveId: 'org-1', level: 'organisation', progress: 0, status: null });
    const unit = tree[0]!.children[0]!;
    expect(unit.objectiveId).toBe('unit-1');
    // kr-1 at 50 of 40 → 60 is halfway; the other two have no check-in: (0.5 + 0 + 0) / 3.
    expect(unit.children.map((c) => [c.objectiveId, c.pending, c.status, Number(c.progress.toFixed(4))])).toEqual([
      [OBJ, true, 'on-track', 0.1667],
      ['team-x', true, null, 0],
    ]);
  });

  it('a declined link makes the objective a root again', () => {
    const declined = fold(objectiveDecider, [
      ...history({ type: 'DefineObjective', data: { objectiveId: 't', cycle: cycle('planning'), level: 'team', owner: { kind: 'team', id: 'a' }, title: 't', commitment: 'committed' } }),
      { type: 'AlignmentProposed', data: { objectiveId: 't', parentObjectiveId: 'org-1', parentOwner: { kind: 'unit', id: 'u' }, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: DAY(0).toISOString() } },
      { type: 'AlignmentDeclined', data: { objectiveId: 't', parentObjectiveId: 'org-1', declinedBy: ANNA, declinedAt: DAY(0).toISOString(), reason: 'no' } },
    ]);
    expect(alignmentTree([declined, objective('org-1', 'organisation', null)]).map((n) => n.objectiveId)).toEqual(['org-1', 't']);
  });
});
