import { assertNever } from '@leerzone/kernel';
import type { FollowUpStatus } from '../lessons/lesson.model';
import type { FailureCause, FailureKind, IntelligentFailureAttributes, Severity } from '../shared/failure.model';
import { updateEntry, withEntry } from '../shared/maps';
import type { FollowUpPurpose, PreventionKind, ReportEvent } from './report.events';

export interface Classification {
  readonly kind: FailureKind;
  readonly cause: FailureCause;
  readonly attributes: IntelligentFailureAttributes | null;
  readonly at: string;
}

export interface FollowUpActionState {
  readonly actionId: string;
  readonly reportId: string;
  readonly purpose: FollowUpPurpose;
  readonly preventionKind: PreventionKind | null;
  readonly description: string;
  readonly ownerTeamId: string;
  readonly severity: Severity;
  readonly dueOn: string;
  readonly status: FollowUpStatus;
  /** When it was done or declined. */
  readonly closedAt: string | null;
  readonly declineReason: string | null;
}

export interface ReportLessonState {
  readonly lessonId: string;
  readonly kind: FailureKind;
  readonly preventionActionId: string | null;
}

export interface ReportState {
  readonly exists: boolean;
  readonly reportId: string | null;
  readonly teamId: string | null;
  readonly severity: Severity;
  readonly area: string;
  readonly tags: readonly string[];
  readonly linkedLessonIds: readonly string[];
  readonly anonymous: boolean;
  readonly reportedAt: string | null;
  readonly classification: Classification | null;
  readonly reclassifications: number;
  /** Each kind's response once recorded (a reclassified report keeps the earlier ones). */
  readonly responded: ReadonlySet<FailureKind>;
  readonly celebrated: boolean;
  readonly lessons: ReadonlyMap<string, ReportLessonState>;
  readonly actions: ReadonlyMap<string, FollowUpActionState>;
  /** Lessons this report was flagged as repeating. */
  readonly repeatedLessonIds: readonly string[];
}

export const initialReportState: ReportState = {
  exists: false,
  reportId: null,
  teamId: null,
  severity: 'low',
  area: '',
  tags: [],
  linkedLessonIds: [],
  anonymous: false,
  reportedAt: null,
  classification: null,
  reclassifications: 0,
  responded: new Set(),
  celebrated: false,
  lessons: new Map(),
  actions: new Map(),
  repeatedLessonIds: [],
};

export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'FailureReported': {
      const { reportId, teamId, severity, area, tags, linkedLessonIds, reporter, reportedAt } = event.data;
      return { ...state, exists: true, reportId, teamId, severity, area, tags, linkedLessonIds, anonymous: reporter.anonymous, reportedAt };
    }
    case 'SpeakingUpRecognised':
      return state;
    case 'FailureClassified': {
      const { kind, cause, attributes, classifiedAt } = event.data;
      return { ...state, classification: { kind, cause, attributes, at: classifiedAt } };
    }
    case 'FailureReclassified': {
      const { kind, cause, attributes, reclassifiedAt } = event.data;
      return { ...state, classification: { kind, cause, attributes, at: reclassifiedAt }, reclassifications: state.reclassifications + 1 };
    }
    case 'RepeatFailureFlagged':
      return { ...state, repeatedLessonIds: [...state.repeatedLessonIds, event.data.lessonId] };
    case 'FollowUpActionPlanned': {
      const { actionId, reportId, purpose, preventionKind, description, ownerTeamId, severity, dueOn } = event.data;
      const action: FollowUpActionState = { actionId, reportId, purpose, preventionKind, description, ownerTeamId, severity, dueOn, status: 'open', closedAt: null, declineReason: null };
      return { ...state, actions: withEntry(state.actions, actionId, action) };
    }
    case 'FollowUpActionCompleted':
      return { ...state, actions: updateEntry(state.actions, event.data.actionId, (a) => ({ ...a, status: 'done', closedAt: event.data.completedAt })) };
    case 'FollowUpActionDeclined': {
      const { actionId, declinedAt, reason } = event.data;
      return { ...state, actions: updateEntry(state.actions, actionId, (a) => ({ ...a, status: 'not-doing', closedAt: declinedAt, declineReason: reason })) };
    }
    case 'LessonRecorded': {
      const { lessonId, kind, preventionActionId } = event.data;
      // Every kind's response ends with its lesson, in the same decision.
      return { ...state, lessons: withEntry(state.lessons, lessonId, { lessonId, kind, preventionActionId }), responded: new Set([...state.responded, kind]) };
    }
    case 'SystemAnalysisRecorded':
    case 'IntelligentFailureLearningRecorded':
      return state;
    case 'IntelligentFailureCelebrated':
      return { ...state, celebrated: true };
    default:
      return assertNever(event);
  }
}
