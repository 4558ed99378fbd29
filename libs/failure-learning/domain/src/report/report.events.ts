import type { DomainEvent, SealedValue } from '@leerzone/kernel';
import type { FollowUpStatus, RepeatMatch } from '../lessons/lesson.model';
import type { FailureCause, FailureKind, IntelligentFailureAttributes, Money, Severity } from '../shared/failure.model';

/** Every failure-report event, version 1. Shapes never change in place: add a version and an upcaster. */
type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/**
 * Who reported. Named: the reporter's pseudonymous user id, in the clear like every actor.
 * Anonymous: only a sealed identity whose subject is the report's own pseudonym
 * (`anonymousReporterSubject`), so neither the event nor the seal names the person.
 */
export type Reporter = { readonly anonymous: false; readonly reporterId: string } | { readonly anonymous: true; readonly identity: SealedValue };

export type FailureReported = Ev<
  'FailureReported',
  {
    reportId: string;
    teamId: string;
    expected: string;
    happened: string;
    context: string;
    impact: { readonly description: string; readonly cost: Money | null };
    severity: Severity;
    occurredAt: string;
    noticedAt: string;
    /** Whole minutes from occurredAt to noticedAt. */
    timeToDetectionMinutes: number;
    area: string;
    tags: readonly string[];
    linkedLessonIds: readonly string[];
    reporter: Reporter;
    /** The envelope's actor: the reporter, or the service's anonymous actor. */
    reportedBy: string;
    reportedAt: string;
  }
>;

/** "Listen up": speaking up is credited, to the reporter or, when anonymous, to the team. */
export type SpeakingUpRecognised = Ev<
  'SpeakingUpRecognised',
  {
    reportId: string;
    teamId: string;
    credited: { readonly kind: 'reporter'; readonly reporterId: string } | { readonly kind: 'team'; readonly teamId: string };
    recognisedAt: string;
  }
>;

export type FailureClassified = Ev<
  'FailureClassified',
  { reportId: string; teamId: string; kind: FailureKind; cause: FailureCause; attributes: IntelligentFailureAttributes | null; classifiedBy: string; classifiedAt: string }
>;

export type FailureReclassified = Ev<
  'FailureReclassified',
  {
    reportId: string;
    teamId: string;
    previousKind: FailureKind;
    previousCause: FailureCause;
    kind: FailureKind;
    cause: FailureCause;
    attributes: IntelligentFailureAttributes | null;
    reason: string;
    reclassifiedBy: string;
    reclassifiedAt: string;
  }
>;

/** "Not twice": a basic failure that repeats an earlier lesson, with that lesson's prevention action as it stood. */
export type RepeatFailureFlagged = Ev<
  'RepeatFailureFlagged',
  {
    reportId: string;
    teamId: string;
    lessonId: string;
    lessonReportId: string;
    lessonTeamId: string;
    lessonKind: FailureKind;
    matchedBy: RepeatMatch;
    preventionAction: { readonly actionId: string; readonly description: string; readonly status: FollowUpStatus; readonly done: boolean } | null;
    flaggedBy: string;
    flaggedAt: string;
  }
>;

export type FollowUpPurpose = 'prevention' | 'follow-up';
export type PreventionKind = 'checklist-item' | 'training';

export type FollowUpActionPlanned = Ev<
  'FollowUpActionPlanned',
  {
    reportId: string;
    actionId: string;
    purpose: FollowUpPurpose;
    /** Set for a basic failure's prevention action. */
    preventionKind: PreventionKind | null;
    description: string;
    ownerTeamId: string;
    severity: Severity;
    /** YYYY-MM-DD: the planning day plus the tenant's days for this severity. */
    dueOn: string;
    plannedBy: string;
    plannedAt: string;
  }
>;
export type FollowUpActionCompleted = Ev<'FollowUpActionCompleted', { reportId: string; actionId: string; note: string | null; completedBy: string; completedAt: string }>;
export type FollowUpActionDeclined = Ev<'FollowUpActionDeclined', { reportId: string; actionId: string; reason: string; declinedBy: string; declinedAt: string }>;

/** The lesson of any kind of failure; the lessons read model and the library are built from it. */
export type LessonRecorded = Ev<
  'LessonRecorded',
  {
    reportId: string;
    teamId: string;
    lessonId: string;
    kind: FailureKind;
    summary: string;
    area: string;
    tags: readonly string[];
    preventionActionId: string | null;
    sharedWithLibrary: boolean;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type SystemAnalysisRecorded = Ev<
  'SystemAnalysisRecorded',
  {
    reportId: string;
    contributingFactors: readonly { readonly factor: string; readonly description: string }[];
    missedWeakSignals: readonly string[];
    howToSpotSooner: string;
    analysedBy: string;
    analysedAt: string;
  }
>;

export type IntelligentFailureLearningRecorded = Ev<
  'IntelligentFailureLearningRecorded',
  { reportId: string; hypothesis: string; learned: string; cost: Money | null; recordedBy: string; recordedAt: string }
>;

export type IntelligentFailureCelebrated = Ev<'IntelligentFailureCelebrated', { reportId: string; teamId: string; how: string; celebratedOn: string; recordedBy: string; recordedAt: string }>;

export type ReportEvent =
  | FailureReported
  | SpeakingUpRecognised
  | FailureClassified
  | FailureReclassified
  | RepeatFailureFlagged
  | FollowUpActionPlanned
  | FollowUpActionCompleted
  | FollowUpActionDeclined
  | LessonRecorded
  | SystemAnalysisRecorded
  | IntelligentFailureLearningRecorded
  | IntelligentFailureCelebrated;

/** Every report event type; the Record makes the compiler insist the list is complete. */
const reportEventTypeSet: Record<ReportEvent['type'], true> = {
  FailureReported: true,
  SpeakingUpRecognised: true,
  FailureClassified: true,
  FailureReclassified: true,
  RepeatFailureFlagged: true,
  FollowUpActionPlanned: true,
  FollowUpActionCompleted: true,
  FollowUpActionDeclined: true,
  LessonRecorded: true,
  SystemAnalysisRecorded: true,
  IntelligentFailureLearningRecorded: true,
  IntelligentFailureCelebrated: true,
};
export const REPORT_EVENT_TYPES = Object.keys(reportEventTypeSet) as readonly ReportEvent['type'][];
export const isReportEvent = (event: { readonly type: string }): event is ReportEvent => Object.hasOwn(reportEventTypeSet, event.type);
