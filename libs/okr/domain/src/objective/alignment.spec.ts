import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { alignmentTree } from './alignment.queries';
import { mayAlignTo } from './alignment.rules';
import type { ObjectiveCommand, ParentObjectiveFacts } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { ANNA, checkIn, cycle, DAY, decide, history, OBJ, on, running, runningSteps } from './objective.fixtures';

const spec = DeciderSpecification.for(objectiveDecider);
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a word is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

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
    spec.given(running()).when(propose({ ...unitGoal, cycleId: 'cycle-q2' })).thenRejects('OKR.ALIGNMENT_OTHER_CYCLE', { category: 'invalid', field: 'parent.objectiveId' });
    spec.given(running()).when(propose({ ...unitGoal, objectiveId: OBJ })).thenRejects('OKR.ALIGNMENT_INVALID', { category: 'invalid', field: 'parent.objectiveId' });
  });

  it('the parent owner accepts, or declines with a reason', () => {
    const proposed = history(...runningSteps(), propose());
    spec.given(proposed).when(accept, on(2)).then([{ type: 'AlignmentAccepted', data: { objectiveId: OBJ, parentObjectiveId: 'obj-unit', acceptedBy: ANNA, acceptedAt: DAY(2).toISOString() } }]);
    wellFormed(spec.given(proposed).when(decline, on(2)).thenRejects('OKR.REASON_REQUIRED', { field: 'reason' }));
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

describe('which levels may support which', () => {
  it('a team supports a unit or the organisation, a unit the organisation or another unit; nothing else', () => {
    const levels = ['organisation', 'unit', 'team'] as const;
    const allowed = levels.flatMap((child) => levels.filter((parent) => mayAlignTo(child, parent)).map((parent) => `${child} → ${parent}`));
    expect(allowed).toEqual(['unit → organisation', 'unit → unit', 'team → organisation', 'team → unit']);
  });

  it('a unit objective may propose a parent unit objective', () => {
    const unitObjective = history({ type: 'DefineObjective', data: { objectiveId: OBJ, cycle: cycle('planning'), level: 'unit', owner: { kind: 'unit', id: 'unit-care' }, title: 'Care', commitment: 'committed' } });
    const parentUnit: ParentObjectiveFacts = { objectiveId: 'obj-region', cycleId: 'cycle-q1', level: 'unit', owner: { kind: 'unit', id: 'unit-region' } };
    expect(decide(unitObjective, propose(parentUnit))).toMatchObject([{ type: 'AlignmentProposed', data: { parentObjectiveId: 'obj-region' } }]);
    spec.given(unitObjective).when(propose({ ...parentUnit, level: 'team', owner: { kind: 'team', id: 'team-b' } })).thenRejects('OKR.ALIGNMENT_NOT_UPWARD', { field: 'parent.objectiveId' });
  });
});

describe('alignment commands at their edges', () => {
  const orgGoal: ParentObjectiveFacts = { objectiveId: 'obj-org', cycleId: 'cycle-q1', level: 'organisation', owner: { kind: 'unit', id: 'unit-board' } };
  const after = (...extra: (ObjectiveCommand | [ObjectiveCommand, ReturnType<typeof on>])[]): ObjectiveEvent[] => history(...runningSteps(), ...extra);
  const graded = (): ObjectiveEvent[] => [
    ...running(),
    {
      type: 'ObjectiveGraded',
      data: { objectiveId: OBJ, cycleId: 'cycle-q1', cycleEndsOn: '2026-04-10', owner: { kind: 'team', id: 'team-a' }, commitment: 'committed', score: 1, band: 'high', achieved: true, movedKeyResultIds: [], gradedBy: ANNA, gradedAt: DAY(101).toISOString() },
    },
  ];

  it('every command needs the objective to exist', () => {
    const set: ObjectiveCommand = { type: 'SetContributions', data: { objectiveId: OBJ, objectiveIds: [] } };
    for (const command of [propose(), accept, decline, set]) spec.given([]).when(command, on(1, { reason: 'r' })).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { category: 'not-found', field: 'objectiveId' });
  });

  it('a graded objective changes neither its alignment nor its contributions', () => {
    wellFormed(spec.given(graded()).when(propose()).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId' }));
    wellFormed(spec.given(graded()).when({ type: 'SetContributions', data: { objectiveId: OBJ, objectiveIds: ['obj-b'] } }).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId' }));
  });

  it('refuses a parent without a valid id', () => {
    wellFormed(spec.given(running()).when({ type: 'ProposeAlignment', data: { objectiveId: OBJ, parent: undefined as never } }).thenRejects('OKR.ALIGNMENT_INVALID', { field: 'parent.objectiveId' }));
    spec.given(running()).when(propose({ ...unitGoal, objectiveId: ' obj-unit' })).thenRejects('OKR.ALIGNMENT_INVALID', { field: 'parent.objectiveId' });
  });

  it('proposing the parent already proposed or accepted changes nothing; after a decline it may be proposed again', () => {
    spec.given(after(propose())).when(propose()).thenNothingHappens();
    spec.given(after(propose(), accept)).when(propose()).thenNothingHappens();
    const declined = after(propose(), [decline, on(2, { reason: 'Not ours' })]);
    expect(decide(declined, propose(), on(3))).toMatchObject([{ type: 'AlignmentProposed', data: { parentObjectiveId: 'obj-unit', previousParentObjectiveId: null } }]);
  });

  it('a new parent names the accepted one it replaces, not a mere proposal', () => {
    expect(decide(after(propose(), accept), propose(orgGoal), on(3))).toEqual([
      { type: 'AlignmentProposed', data: { objectiveId: OBJ, parentObjectiveId: 'obj-org', parentOwner: orgGoal.owner, previousParentObjectiveId: 'obj-unit', proposedBy: ANNA, proposedAt: DAY(3).toISOString() } },
    ]);
    expect(decide(after(propose()), propose(orgGoal), on(3))).toMatchObject([{ data: { parentObjectiveId: 'obj-org', previousParentObjectiveId: null } }]);
  });

  it('answers only the open proposal: not another parent, not a declined one; accepting twice changes nothing', () => {
    const other: ObjectiveCommand = { type: 'AcceptAlignment', data: { objectiveId: OBJ, parentObjectiveId: 'obj-org' } };
    spec.given(after(propose())).when(other).thenRejects('OKR.ALIGNMENT_NOT_PROPOSED', { category: 'not-found', field: 'parentObjectiveId' });
    const declined = after(propose(), [decline, on(2, { reason: 'Not ours' })]);
    spec.given(declined).when(accept).thenRejects('OKR.ALIGNMENT_NOT_PROPOSED', { field: 'parentObjectiveId' });
    spec.given(declined).when(decline, on(3, { reason: 'again' })).thenRejects('OKR.ALIGNMENT_NOT_PROPOSED', { field: 'parentObjectiveId' });
    spec.given(running()).when(decline, on(3, { reason: 'no' })).thenRejects('OKR.ALIGNMENT_NOT_PROPOSED', { field: 'parentObjectiveId' });
    spec.given(after(propose(), accept)).when(accept).thenNothingHappens();
    spec.given(after(propose(), accept)).when(decline, on(3, { reason: 'x' })).thenRejects('OKR.ALIGNMENT_ALREADY_ACCEPTED', { category: 'conflict', field: 'parentObjectiveId' });
  });

  it('contributions: a list of at most 10 valid ids; the same set again changes nothing', () => {
    const set = (objectiveIds: unknown): ObjectiveCommand => ({ type: 'SetContributions', data: { objectiveId: OBJ, objectiveIds: objectiveIds as string[] } });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `obj-${String(i).padStart(2, '0')}`);
    expect(decide(running(), set(ids(10)))).toMatchObject([{ type: 'ContributionsSet', data: { objectiveIds: ids(10) } }]);
    spec.given(running()).when(set(ids(11))).thenRejects('OKR.CONTRIBUTIONS_INVALID', { category: 'invalid', field: 'objectiveIds' });
    spec.given(running()).when(set('obj-a')).thenRejects('OKR.CONTRIBUTIONS_INVALID', { field: 'objectiveIds' });
    wellFormed(spec.given(running()).when(set(['obj-a', ' '])).thenRejects('OKR.CONTRIBUTIONS_INVALID', { field: 'objectiveIds.1' }));
    spec.given(running()).when(set(['obj-a', OBJ])).thenRejects('OKR.CONTRIBUTIONS_INVALID', { category: 'invalid', field: 'objectiveIds.1' });
    spec.given(running()).when(set(['obj-a', 'obj-b', 'obj-a'])).thenRejects('OKR.CONTRIBUTIONS_INVALID', { category: 'invalid', field: 'objectiveIds' });
    spec.given(running()).when(set([])).thenNothingHappens();
    const listed = after(set(['obj-b', 'obj-a']));
    spec.given(listed).when(set(['obj-a', 'obj-b'])).thenNothingHappens();
    expect(decide(listed, set([]), on(4))).toEqual([{ type: 'ContributionsSet', data: { objectiveId: OBJ, previous: ['obj-a', 'obj-b'], objectiveIds: [], setBy: ANNA, setAt: DAY(4).toISOString() } }]);
  });
});

describe('the alignment tree: order and shape', () => {
  const define = (objectiveId: string, level: 'organisation' | 'unit' | 'team', title: string): ObjectiveEvent[] =>
    history({ type: 'DefineObjective', data: { objectiveId, cycle: cycle('planning'), level, owner: { kind: level === 'team' ? 'team' : 'unit', id: `owner-${objectiveId}` }, title, commitment: 'committed' } });
  const linked = (events: ObjectiveEvent[], parentObjectiveId: string, accepted: boolean): ObjectiveEvent[] => {
    const objectiveId = events[0]!.data.objectiveId;
    const proposed: ObjectiveEvent = { type: 'AlignmentProposed', data: { objectiveId, parentObjectiveId, parentOwner: { kind: 'unit', id: 'u' }, previousParentObjectiveId: null, proposedBy: ANNA, proposedAt: DAY(0).toISOString() } };
    const acceptedEvent: ObjectiveEvent = { type: 'AlignmentAccepted', data: { objectiveId, parentObjectiveId, acceptedBy: ANNA, acceptedAt: DAY(0).toISOString() } };
    return [...events, proposed, ...(accepted ? [acceptedEvent] : [])];
  };
  const state = (events: ObjectiveEvent[]) => fold(objectiveDecider, events);
  type Shape = { id: string; pending: boolean; children: Shape[] };
  const shape = (nodes: ReturnType<typeof alignmentTree>): Shape[] => nodes.map((n) => ({ id: n.objectiveId, pending: n.pending, children: shape(n.children) }));

  it('orders roots by level, then title, then id; leaves out objectives that do not exist; children by title', () => {
    const tree = alignmentTree([
      state(define('t-1', 'team', 'Alpha')),
      fold(objectiveDecider, []),
      state(define('u-2', 'unit', 'Same')),
      state(define('org-b', 'organisation', 'Beta')),
      state(define('u-1', 'unit', 'Same')),
      state(define('org-a', 'organisation', 'Gamma')),
      state(linked(define('c-2', 'team', 'Zulu'), 'org-b', true)),
      state(linked(define('c-1', 'team', 'Yankee'), 'org-b', false)),
      state(linked(define('c-3', 'unit', 'Xray'), 'org-b', true)),
      state(linked(define('c-4', 'team', 'Whisky'), 'c-3', true)),
    ]);
    expect(shape(tree)).toEqual([
      {
        id: 'org-b',
        pending: false,
        children: [
          { id: 'c-3', pending: false, children: [{ id: 'c-4', pending: false, children: [] }] },
          { id: 'c-1', pending: true, children: [] },
          { id: 'c-2', pending: false, children: [] },
        ],
      },
      { id: 'org-a', pending: false, children: [] },
      { id: 'u-1', pending: false, children: [] },
      { id: 'u-2', pending: false, children: [] },
      { id: 't-1', pending: false, children: [] },
    ]);
  });

  it('a link to an objective not in the list makes a root', () => {
    expect(shape(alignmentTree([state(linked(define('t-1', 'team', 'Alpha'), 'org-elsewhere', true))]))).toEqual([{ id: 't-1', pending: false, children: [] }]);
  });

  it('a loop of alignments (two units supporting each other) is shown from its first member, with everything under it', () => {
    const tree = alignmentTree([
      state(linked(define('t-1', 'team', 'Alpha'), 'u-b', true)),
      state(linked(define('u-b', 'unit', 'Bravo'), 'u-a', true)),
      state(linked(define('u-a', 'unit', 'Charlie'), 'u-b', false)),
      state(define('org-1', 'organisation', 'Delta')),
      // A loop of three, reached first through a team objective under it.
      state(linked(define('t-2', 'team', 'Echo'), 'u-z', true)),
      state(linked(define('u-x', 'unit', 'Zulu'), 'u-y', true)),
      state(linked(define('u-y', 'unit', 'Yankee'), 'u-z', true)),
      state(linked(define('u-z', 'unit', 'Xray'), 'u-x', true)),
    ]);
    expect(shape(tree)).toEqual([
      { id: 'org-1', pending: false, children: [] },
      { id: 'u-b', pending: false, children: [{ id: 'u-a', pending: true, children: [] }, { id: 't-1', pending: false, children: [] }] },
      {
        id: 'u-z',
        pending: false,
        children: [
          { id: 'u-y', pending: false, children: [{ id: 'u-x', pending: false, children: [] }] },
          { id: 't-2', pending: false, children: [] },
        ],
      },
    ]);
  });

  it('a loop first met through a unit objective under it is still shown from its own first member, with that unit once, under it', () => {
    // u-0 (Alpha) comes first in the tree's order and supports u-b, so the walk up from it enters the
    // loop u-a ⇄ u-b at u-b; the loop is shown from u-a (Bravo), which comes before u-b (Charlie).
    const tree = alignmentTree([
      state(linked(define('u-0', 'unit', 'Alpha'), 'u-b', true)),
      state(linked(define('u-b', 'unit', 'Charlie'), 'u-a', true)),
      state(linked(define('u-a', 'unit', 'Bravo'), 'u-b', true)),
    ]);
    expect(shape(tree)).toEqual([{ id: 'u-a', pending: false, children: [{ id: 'u-b', pending: false, children: [{ id: 'u-0', pending: false, children: [] }] }] }]);
  });
});

describe('an alignment that does not run upward', () => {
  it('is invalid input, naming both levels and the direction alignment runs', () => {
    spec
      .given(running())
      .when(propose({ ...unitGoal, level: 'team', owner: { kind: 'team', id: 'team-b' } }))
      .thenRejects('OKR.ALIGNMENT_NOT_UPWARD', { category: 'invalid', field: 'parent.objectiveId', message: expect.stringContaining('A team-level objective cannot support a team-level one') as never });
  });
});
