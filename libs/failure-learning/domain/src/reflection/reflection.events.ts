import type { DomainEvent } from '@leerzone/kernel';
import type { FailureKind } from '../shared/failure.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export interface ReflectionCadence {
  readonly everyWeeks: number;
  /** YYYY-MM-DD of the first reflection moment; the next ones follow every `everyWeeks` weeks. */
  readonly startsOn: string;
}

export type ReflectionCadenceSet = Ev<'ReflectionCadenceSet', { teamId: string; cadence: ReflectionCadence; previous: ReflectionCadence | null; setBy: string; setAt: string }>;

/** "Forward failing": every review starts from what is still open and what happened since the last one. */
export type ReflectionReviewStarted = Ev<
  'ReflectionReviewStarted',
  {
    teamId: string;
    reviewId: string;
    /** The previous review's start, or null for the team's first review. */
    since: string | null;
    openActions: readonly { readonly reportId: string; readonly actionId: string; readonly description: string; readonly dueOn: string; readonly overdue: boolean }[];
    reports: readonly { readonly reportId: string; readonly reportedAt: string; readonly kind: FailureKind | null }[];
    startedBy: string;
    startedAt: string;
  }
>;
export type ReflectionReviewCompleted = Ev<'ReflectionReviewCompleted', { teamId: string; reviewId: string; takeaways: readonly string[]; completedBy: string; completedAt: string }>;

export type ReflectionEvent = ReflectionCadenceSet | ReflectionReviewStarted | ReflectionReviewCompleted;

const reflectionEventTypeSet: Record<ReflectionEvent['type'], true> = { ReflectionCadenceSet: true, ReflectionReviewStarted: true, ReflectionReviewCompleted: true };
export const REFLECTION_EVENT_TYPES = Object.keys(reflectionEventTypeSet) as readonly ReflectionEvent['type'][];
export const isReflectionEvent = (event: { readonly type: string }): event is ReflectionEvent => Object.hasOwn(reflectionEventTypeSet, event.type);
