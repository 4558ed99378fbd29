import type { SealedValue } from '@leerzone/kernel';
import type { ConfidentialCaseEvent } from '../case/confidential-case.events';
import type { LibraryEvent } from '../library/library.events';
import type { ReflectionEvent } from '../reflection/reflection.events';
import type { ReportEvent } from '../report/report.events';

/** One example of every failure-learning event, typed per event type: the compiler insists on completeness and shape. */
type Examples<E extends { type: string }> = { [K in E['type']]: Extract<E, { type: K }> };

const at = '2026-03-01T09:00:00.000Z';
const sealed = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'key-1', alg: 'A256GCM', iv: 'aXYtYnl0ZXM=', data: 'Y2lwaGVydGV4dA==', tag: 'dGFnLWJ5dGVz' } });

export const reportEventExamples: Examples<ReportEvent> = {
  FailureReported: {
    type: 'FailureReported',
    data: {
      reportId: 'r-1',
      teamId: 'team-a',
      expected: 'The evening medication is given at 20:00',
      happened: 'The medication list was not handed over; the dose was given at 22:00',
      context: 'Busy evening shift, two colleagues ill',
      impact: { description: 'Client slept badly', cost: { amount: 120, currency: 'EUR' } },
      severity: 'high',
      occurredAt: '2026-02-28T19:00:00.000Z',
      noticedAt: '2026-02-28T21:00:00.000Z',
      timeToDetectionMinutes: 120,
      area: 'medication',
      tags: ['handover', 'medication-list'],
      linkedLessonIds: ['l-0'],
      reporter: { anonymous: true, identity: sealed('failure-learning-reporter-r-1') },
      reportedBy: 'failure-learning-anonymous-reporter',
      reportedAt: at,
    },
  },
  SpeakingUpRecognised: { type: 'SpeakingUpRecognised', data: { reportId: 'r-1', teamId: 'team-a', credited: { kind: 'team', teamId: 'team-a' }, recognisedAt: at } },
  FailureClassified: {
    type: 'FailureClassified',
    data: {
      reportId: 'r-1',
      teamId: 'team-a',
      kind: 'intelligent',
      cause: 'hypothesis-testing',
      attributes: { newTerritory: true, credibleOpportunity: true, hypothesis: 'A ten-minute handover keeps the same quality', asSmallAsPossible: true },
      classifiedBy: 'user-coach',
      classifiedAt: at,
    },
  },
  FailureReclassified: {
    type: 'FailureReclassified',
    data: {
      reportId: 'r-1',
      teamId: 'team-a',
      previousKind: 'basic',
      previousCause: 'inattention',
      kind: 'complex',
      cause: 'process-complexity',
      attributes: null,
      reason: 'Three systems failed at once',
      reclassifiedBy: 'user-coach',
      reclassifiedAt: at,
    },
  },
  RepeatFailureFlagged: {
    type: 'RepeatFailureFlagged',
    data: {
      reportId: 'r-1',
      teamId: 'team-a',
      lessonId: 'l-0',
      lessonReportId: 'r-0',
      lessonTeamId: 'team-b',
      lessonKind: 'basic',
      matchedBy: 'explicit-link',
      preventionAction: { actionId: 'a-0', description: 'Medication list on the handover checklist', status: 'open', done: false },
      flaggedBy: 'user-coach',
      flaggedAt: at,
    },
  },
  FollowUpActionPlanned: {
    type: 'FollowUpActionPlanned',
    data: {
      reportId: 'r-1',
      actionId: 'a-1',
      purpose: 'prevention',
      preventionKind: 'checklist-item',
      description: 'Medication list is item 1 of the handover checklist',
      ownerTeamId: 'team-a',
      severity: 'high',
      dueOn: '2026-03-04',
      plannedBy: 'user-coach',
      plannedAt: at,
    },
  },
  FollowUpActionCompleted: { type: 'FollowUpActionCompleted', data: { reportId: 'r-1', actionId: 'a-1', note: 'On the checklist since Monday', completedBy: 'user-anna', completedAt: at } },
  FollowUpActionDeclined: { type: 'FollowUpActionDeclined', data: { reportId: 'r-1', actionId: 'a-2', reason: 'The new rota removes the handover', declinedBy: 'user-coach', declinedAt: at } },
  LessonRecorded: {
    type: 'LessonRecorded',
    data: {
      reportId: 'r-1',
      teamId: 'team-a',
      lessonId: 'l-1',
      kind: 'basic',
      summary: 'Hand over the medication list first',
      area: 'medication',
      tags: ['handover', 'medication-list'],
      preventionActionId: 'a-1',
      sharedWithLibrary: false,
      recordedBy: 'user-coach',
      recordedAt: at,
    },
  },
  SystemAnalysisRecorded: {
    type: 'SystemAnalysisRecorded',
    data: {
      reportId: 'r-1',
      contributingFactors: [{ factor: 'load', description: 'Two colleagues ill' }],
      missedWeakSignals: ['The app was slow all week'],
      howToSpotSooner: 'Report slowness of the app at the daily start',
      analysedBy: 'user-coach',
      analysedAt: at,
    },
  },
  IntelligentFailureLearningRecorded: {
    type: 'IntelligentFailureLearningRecorded',
    data: { reportId: 'r-1', hypothesis: 'A ten-minute handover keeps the same quality', learned: 'Ten minutes is too short at night', cost: { amount: 80, currency: 'EUR' }, recordedBy: 'user-coach', recordedAt: at },
  },
  IntelligentFailureCelebrated: { type: 'IntelligentFailureCelebrated', data: { reportId: 'r-1', teamId: 'team-a', how: 'Shared at the team breakfast', celebratedOn: '2026-03-01', recordedBy: 'user-coach', recordedAt: at } },
};

export const libraryEventExamples: Examples<LibraryEvent> = {
  LessonAddedToLibrary: {
    type: 'LessonAddedToLibrary',
    data: { lessonId: 'l-3', reportId: 'r-3', teamId: 'team-a', kind: 'intelligent', summary: 'Night handovers need 20 minutes', area: 'medication', tags: ['handover'], addedBy: 'failure-learning', addedAt: at },
  },
  ContributingFactorAdded: { type: 'ContributingFactorAdded', data: { factor: 'weather', label: 'Weather and travel', addedBy: 'user-lead', addedAt: at } },
  FollowUpDueRuleSet: { type: 'FollowUpDueRuleSet', data: { previous: { high: 3, medium: 7, low: 7 }, rule: { high: 2, medium: 5, low: 10 }, setBy: 'user-lead', setAt: at, reason: 'Faster follow-up after the audit' } },
};

export const reflectionEventExamples: Examples<ReflectionEvent> = {
  ReflectionCadenceSet: { type: 'ReflectionCadenceSet', data: { teamId: 'team-a', cadence: { everyWeeks: 2, startsOn: '2026-03-02' }, previous: null, setBy: 'user-coach', setAt: at } },
  ReflectionReviewStarted: {
    type: 'ReflectionReviewStarted',
    data: {
      teamId: 'team-a',
      reviewId: 'rv-2',
      since: '2026-02-16T14:00:00.000Z',
      openActions: [{ reportId: 'r-1', actionId: 'a-1', description: 'Medication list on the checklist', dueOn: '2026-03-04', overdue: false }],
      reports: [{ reportId: 'r-1', reportedAt: '2026-02-28T21:30:00.000Z', kind: 'basic' }],
      startedBy: 'user-coach',
      startedAt: at,
    },
  },
  ReflectionReviewCompleted: { type: 'ReflectionReviewCompleted', data: { teamId: 'team-a', reviewId: 'rv-2', takeaways: ['Hand over the medication list first'], completedBy: 'user-coach', completedAt: at } },
};

export const confidentialCaseEventExamples: Examples<ConfidentialCaseEvent> = {
  ConfidentialCaseOpened: {
    type: 'ConfidentialCaseOpened',
    data: { caseId: 'c-1', boundary: 'ignored-safety-rules', teamId: 'team-a', concernedPersonId: 'user-bram', account: sealed('user-bram'), openedBy: 'user-officer', openedAt: at },
  },
  ConfidentialCaseAccessed: { type: 'ConfidentialCaseAccessed', data: { caseId: 'c-1', purpose: 'case file', accessedBy: 'user-officer', accessedAt: at } },
  ConfidentialCaseAccessRefused: { type: 'ConfidentialCaseAccessRefused', data: { caseId: 'c-1', attempted: 'AccessConfidentialCase', actorRoles: ['coach'], attemptedBy: 'user-coach', attemptedAt: at } },
  ConfidentialCaseConsequenceRecorded: {
    type: 'ConfidentialCaseConsequenceRecorded',
    data: { caseId: 'c-1', consequenceId: 'q-1', kind: 'formal-warning', description: sealed('user-bram'), recordedBy: 'user-officer', recordedAt: at },
  },
  ConfidentialCaseClosed: { type: 'ConfidentialCaseClosed', data: { caseId: 'c-1', outcome: 'substantiated', consequenceIds: ['q-1'], reason: 'Confirmed by two witnesses', closedBy: 'user-officer', closedAt: at } },
};
