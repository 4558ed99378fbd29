import type { FailureKind } from '../shared/failure.model';

export type FollowUpStatus = 'open' | 'done' | 'not-doing';

/**
 * A lesson as the application finds it in its lessons read model (built from
 * `LessonRecorded` in every report stream, and the tenant's library). Commands that decide
 * "not twice" take these as a lookup: the decider never reads another stream itself.
 */
export interface LessonReference {
  readonly lessonId: string;
  /** The report the lesson was learned from, and that report's team. */
  readonly reportId: string;
  readonly teamId: string;
  readonly kind: FailureKind;
  readonly summary: string;
  readonly area: string;
  readonly tags: readonly string[];
  /** A basic lesson's prevention action and its current status in its report stream. */
  readonly preventionAction: { readonly actionId: string; readonly description: string; readonly status: FollowUpStatus } | null;
}

/** Why a report is the same failure as an earlier lesson. */
export type RepeatMatch = 'explicit-link' | 'area-and-tags';

/**
 * "Not twice": a report repeats a lesson when the reporter linked it explicitly, or when it
 * is in the lesson's area and carries every one of the lesson's tags. Sharing only some
 * tags, or the tags in another area, is a near miss: suggested, never flagged.
 */
export function repeatMatch(
  report: { readonly reportId: string; readonly area: string; readonly tags: readonly string[]; readonly linkedLessonIds: readonly string[] },
  lesson: LessonReference,
): RepeatMatch | null {
  if (lesson.reportId === report.reportId) return null;
  if (report.linkedLessonIds.includes(lesson.lessonId)) return 'explicit-link';
  if (lesson.area === report.area && lesson.tags.length > 0 && lesson.tags.every((tag) => report.tags.includes(tag))) return 'area-and-tags';
  return null;
}
