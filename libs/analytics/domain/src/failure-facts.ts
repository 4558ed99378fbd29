/**
 * What analytics reads of failure-learning's published events (docs/failure-learning-events.md,
 * version 1). Confidential cases never reach the topic, so nothing of them can reach analytics.
 * Of a report analytics keeps when, where, how bad, which kind and the actions' states — never
 * the reporter (named or sealed), nor what was written.
 */
import { Fields, checkVersion, type PublishedEvent } from './fact-reader';

export const FAILURE_KINDS = ['basic', 'complex', 'intelligent'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type FailureFact =
  | {
      readonly type: 'FailureReported';
      readonly reportId: string;
      readonly teamId: string;
      readonly severity: Severity;
      readonly area: string;
      readonly occurredAt: string;
      readonly noticedAt: string;
      readonly timeToDetectionMinutes: number;
      readonly reportedAt: string;
    }
  | { readonly type: 'SpeakingUpRecognised'; readonly reportId: string; readonly teamId: string }
  | { readonly type: 'FailureClassified' | 'FailureReclassified'; readonly reportId: string; readonly teamId: string; readonly kind: FailureKind; readonly cause: string }
  | {
      readonly type: 'RepeatFailureFlagged';
      readonly reportId: string;
      readonly teamId: string;
      readonly lessonId: string;
      readonly lessonReportId: string;
      readonly preventionActionId: string | null;
      readonly preventionDone: boolean | null;
      readonly flaggedAt: string;
    }
  | { readonly type: 'FollowUpActionPlanned'; readonly reportId: string; readonly actionId: string; readonly purpose: 'prevention' | 'follow-up'; readonly ownerTeamId: string; readonly dueOn: string }
  | { readonly type: 'FollowUpActionCompleted' | 'FollowUpActionDeclined'; readonly reportId: string; readonly actionId: string; readonly status: 'done' | 'not-doing' };

export type FailureFactType = FailureFact['type'];

export const FAILURE_FACT_TYPES: readonly FailureFactType[] = [
  'FailureReported',
  'SpeakingUpRecognised',
  'FailureClassified',
  'FailureReclassified',
  'RepeatFailureFlagged',
  'FollowUpActionPlanned',
  'FollowUpActionCompleted',
  'FollowUpActionDeclined',
];

export function readFailureFact(event: PublishedEvent): FailureFact | undefined {
  const type = event.type as FailureFactType;
  if (!FAILURE_FACT_TYPES.includes(type)) return undefined;
  checkVersion(event, [1]);
  const data = new Fields(type, event.data);
  const reportId = data.text('reportId');
  switch (type) {
    case 'FailureReported':
      return {
        type,
        reportId,
        teamId: data.text('teamId'),
        severity: data.oneOf('severity', SEVERITIES),
        area: data.text('area'),
        occurredAt: data.instant('occurredAt'),
        noticedAt: data.instant('noticedAt'),
        timeToDetectionMinutes: data.numberIn('timeToDetectionMinutes', 0, Number.MAX_SAFE_INTEGER),
        reportedAt: data.instant('reportedAt'),
      };
    case 'SpeakingUpRecognised':
      return { type, reportId, teamId: data.text('teamId') };
    case 'FailureClassified':
    case 'FailureReclassified':
      return { type, reportId, teamId: data.text('teamId'), kind: data.oneOf('kind', FAILURE_KINDS), cause: data.text('cause') };
    case 'RepeatFailureFlagged': {
      const prevention = data.optionalObject('preventionAction');
      return {
        type,
        reportId,
        teamId: data.text('teamId'),
        lessonId: data.text('lessonId'),
        lessonReportId: data.text('lessonReportId'),
        preventionActionId: prevention ? prevention.text('actionId') : null,
        preventionDone: prevention ? prevention.boolean('done') : null,
        flaggedAt: data.instant('flaggedAt'),
      };
    }
    case 'FollowUpActionPlanned':
      return {
        type,
        reportId,
        actionId: data.key('actionId'),
        purpose: data.oneOf('purpose', ['prevention', 'follow-up'] as const),
        ownerTeamId: data.text('ownerTeamId'),
        dueOn: data.day('dueOn'),
      };
    case 'FollowUpActionCompleted':
      return { type, reportId, actionId: data.key('actionId'), status: 'done' };
    case 'FollowUpActionDeclined':
      return { type, reportId, actionId: data.key('actionId'), status: 'not-doing' };
  }
}
