import type { SealedValue } from '@leerzone/kernel';
import type { CycleEvent } from '../cycle/cycle.events';
import type { ObjectiveEvent } from '../objective/objective.events';
import type { KeyResultDefinition } from '../objective/objective.model';
import { DEFAULT_STATUS_THRESHOLDS } from '../objective/progress';
import type { OkrTeamEvent } from '../team/team.events';

/** One example of every OKR event, typed per event type: the compiler insists on completeness and shape. */
type Examples<E extends { type: string }> = { [K in E['type']]: Extract<E, { type: K }> };

const at = '2026-03-01T09:00:00.000Z';
const sealed = (subject: string): SealedValue => ({ $sealed: { subject, keyId: `k-${subject}`, alg: 'A256GCM', iv: 'aXYtYmFzZTY0', data: 'Y2lwaGVydGV4dA==', tag: 'dGFnLWJhc2U2NA==' } });
const team = { kind: 'team', id: 'team-a' } as const;
const nps: KeyResultDefinition = { title: 'Client NPS', measure: { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' }, weight: 1 };
const nps50: KeyResultDefinition = { ...nps, measure: { kind: 'numeric', start: 40, target: 50, unit: 'NPS', direction: 'increase-to' } };

export const cycleEventExamples: Examples<CycleEvent> = {
  CyclePlanned: { type: 'CyclePlanned', data: { cycleId: 'cycle-q2', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', plannedBy: 'user-lead', plannedAt: at } },
  CycleStarted: { type: 'CycleStarted', data: { cycleId: 'cycle-q2', startedBy: 'user-lead', startedAt: at } },
  CycleGradingStarted: { type: 'CycleGradingStarted', data: { cycleId: 'cycle-q2', startedBy: 'user-lead', startedAt: at } },
  CycleClosed: { type: 'CycleClosed', data: { cycleId: 'cycle-q2', closedBy: 'user-lead', closedAt: at } },
  RetrospectiveRecorded: {
    type: 'RetrospectiveRecorded',
    data: {
      cycleId: 'cycle-q2',
      teamId: 'team-a',
      previousCycleId: 'cycle-q1',
      whatWorked: 'Weekly check-ins',
      whatDidNotWork: 'Five key results were too many',
      whatWeLearned: 'Three measurable results keep us focused',
      whatWeCarryForward: 'The client panel',
      late: false,
      recordedBy: 'user-anna',
      recordedAt: at,
    },
  },
};

export const objectiveEventExamples: Examples<ObjectiveEvent> = {
  ObjectiveDefined: {
    type: 'ObjectiveDefined',
    data: {
      objectiveId: 'obj-2',
      cycleId: 'cycle-q2',
      level: 'team',
      owner: team,
      title: 'Clients feel heard',
      description: 'Every client knows who to call',
      commitment: 'aspirational',
      carriedForwardFrom: { objectiveId: 'obj-1', cycleId: 'cycle-q1', score: 0.4 },
      definedBy: 'user-anna',
      definedAt: at,
    },
  },
  ObjectiveRevised: {
    type: 'ObjectiveRevised',
    data: {
      objectiveId: 'obj-2',
      previous: { title: 'Clients feel heard', description: null, commitment: 'committed' },
      title: 'Clients feel heard',
      description: null,
      commitment: 'aspirational',
      revisedBy: 'user-anna',
      revisedAt: at,
      reason: 'The survey tool arrives late',
    },
  },
  ObjectiveCommittedToCycle: { type: 'ObjectiveCommittedToCycle', data: { objectiveId: 'obj-2', cycleId: 'cycle-q2', keyResultIds: ['kr-1', 'kr-2', 'kr-3'], committedBy: 'user-anna', committedAt: at } },
  KeyResultAdded: { type: 'KeyResultAdded', data: { objectiveId: 'obj-2', keyResultId: 'kr-1', definition: nps, whileRunning: false, addedBy: 'user-anna', addedAt: at, reason: null } },
  KeyResultRedefined: {
    type: 'KeyResultRedefined',
    data: { objectiveId: 'obj-2', keyResultId: 'kr-1', previous: nps, definition: { ...nps, title: 'Client NPS (survey)' }, redefinedBy: 'user-anna', redefinedAt: at, reason: null },
  },
  KeyResultGoalpostMoved: {
    type: 'KeyResultGoalpostMoved',
    data: { objectiveId: 'obj-2', keyResultId: 'kr-1', previous: nps, definition: nps50, changed: ['target'], movedBy: 'user-anna', movedAt: at, reason: 'Budget for the panel was cut' },
  },
  KeyResultRemoved: { type: 'KeyResultRemoved', data: { objectiveId: 'obj-2', keyResultId: 'kr-4', whileRunning: true, removedBy: 'user-anna', removedAt: at, reason: 'Measured by the unit now' } },
  AlignmentProposed: {
    type: 'AlignmentProposed',
    data: { objectiveId: 'obj-2', parentObjectiveId: 'obj-unit', parentOwner: { kind: 'unit', id: 'unit-care' }, previousParentObjectiveId: null, proposedBy: 'user-anna', proposedAt: at },
  },
  AlignmentAccepted: { type: 'AlignmentAccepted', data: { objectiveId: 'obj-2', parentObjectiveId: 'obj-unit', acceptedBy: 'user-lead', acceptedAt: at } },
  AlignmentDeclined: { type: 'AlignmentDeclined', data: { objectiveId: 'obj-2', parentObjectiveId: 'obj-unit', declinedBy: 'user-lead', declinedAt: at, reason: 'It supports the quality objective' } },
  ContributionsSet: { type: 'ContributionsSet', data: { objectiveId: 'obj-2', previous: [], objectiveIds: ['obj-quality'], setBy: 'user-anna', setAt: at } },
  KeyResultCheckedIn: {
    type: 'KeyResultCheckedIn',
    data: {
      objectiveId: 'obj-2',
      keyResultId: 'kr-1',
      checkInId: 'ci-1',
      value: 47.4,
      confidence: 6,
      comment: sealed('user-anna'),
      status: 'at-risk',
      elapsed: 0.5,
      expectedValue: 50,
      attainment: 0.74,
      thresholds: DEFAULT_STATUS_THRESHOLDS,
      blockers: [{ blockerId: 'b-1', description: sealed('user-anna'), removableBy: { kind: 'team', teamId: 'team-it' } }],
      stillBlockedBy: [],
      checkedInAs: 'member',
      checkedInBy: 'user-anna',
      checkedInAt: at,
    },
  },
  BlockerResolved: { type: 'BlockerResolved', data: { objectiveId: 'obj-2', keyResultId: 'kr-1', blockerId: 'b-1', resolvedBy: 'user-coach', resolvedAt: at } },
  KeyResultGraded: {
    type: 'KeyResultGraded',
    data: {
      objectiveId: 'obj-2',
      cycleId: 'cycle-q2',
      cycleEndsOn: '2026-06-30',
      owner: team,
      commitment: 'aspirational',
      keyResultId: 'kr-1',
      finalValue: 50,
      computedScore: 1,
      score: 0.9,
      override: { score: 0.9, reason: 'Reached a week after the cycle' },
      goalpostMoved: true,
      scoreAgainstOriginal: 0.5,
      weight: 1,
      gradedBy: 'user-anna',
      gradedAt: at,
    },
  },
  ObjectiveGraded: {
    type: 'ObjectiveGraded',
    data: {
      objectiveId: 'obj-2',
      cycleId: 'cycle-q2',
      cycleEndsOn: '2026-06-30',
      owner: team,
      commitment: 'aspirational',
      score: 0.3,
      band: 'low',
      achieved: false,
      movedKeyResultIds: ['kr-1'],
      gradedBy: 'user-anna',
      gradedAt: at,
    },
  },
  BlockersReviewOpened: { type: 'BlockersReviewOpened', data: { objectiveId: 'obj-2', cycleId: 'cycle-q2', score: 0.3, blockerIds: ['b-1'], openedBy: 'user-anna', openedAt: at } },
  BlockersReviewFindingRecorded: {
    type: 'BlockersReviewFindingRecorded',
    data: { objectiveId: 'obj-2', findingId: 'f-1', obstacle: sealed('user-anna'), removableBy: { kind: 'unit-above' }, recordedBy: 'user-anna', recordedAt: at },
  },
  BlockersReviewClosed: { type: 'BlockersReviewClosed', data: { objectiveId: 'obj-2', findingIds: ['f-1'], closedBy: 'user-coach', closedAt: at } },
  ObjectiveCarriedForward: { type: 'ObjectiveCarriedForward', data: { objectiveId: 'obj-1', toObjectiveId: 'obj-2', toCycleId: 'cycle-q2', carriedBy: 'user-anna', carriedAt: at } },
};

export const okrTeamEventExamples: Examples<OkrTeamEvent> = {
  CheckInCadenceSet: { type: 'CheckInCadenceSet', data: { teamId: 'team-a', previousEveryDays: 7, everyDays: 14, setBy: 'user-anna', setAt: at } },
  KpiDefined: {
    type: 'KpiDefined',
    data: { teamId: 'team-a', kpiId: 'kpi-1', definition: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month' }, objectiveId: 'obj-2', definedBy: 'user-anna', definedAt: at },
  },
  KpiLinkedToObjective: { type: 'KpiLinkedToObjective', data: { teamId: 'team-a', kpiId: 'kpi-1', previousObjectiveId: 'obj-1', objectiveId: 'obj-2', linkedBy: 'user-anna', linkedAt: at } },
  KpiValueRecorded: { type: 'KpiValueRecorded', data: { teamId: 'team-a', kpiId: 'kpi-1', value: 3.8, measuredOn: '2026-02-28', period: '2026-02', recordedBy: 'user-anna', recordedAt: at } },
  KpiRetired: { type: 'KpiRetired', data: { teamId: 'team-a', kpiId: 'kpi-1', retiredBy: 'user-anna', retiredAt: at, reason: 'HR measures it now' } },
};
