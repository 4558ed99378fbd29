import { assertNever } from '@leerzone/kernel';
import type { ReflectionCadence, ReflectionEvent } from './reflection.events';

export interface ReflectionReviewState {
  readonly reviewId: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
}

export interface ReflectionState {
  readonly teamId: string | null;
  readonly cadence: ReflectionCadence | null;
  readonly reviews: readonly ReflectionReviewState[];
}

export const initialReflectionState: ReflectionState = { teamId: null, cadence: null, reviews: [] };

export function evolveReflection(state: ReflectionState, event: ReflectionEvent): ReflectionState {
  switch (event.type) {
    case 'ReflectionCadenceSet':
      return { ...state, teamId: event.data.teamId, cadence: event.data.cadence };
    case 'ReflectionReviewStarted':
      return { ...state, reviews: [...state.reviews, { reviewId: event.data.reviewId, startedAt: event.data.startedAt, completedAt: null }] };
    case 'ReflectionReviewCompleted':
      return { ...state, reviews: state.reviews.map((r) => (r.reviewId === event.data.reviewId ? { ...r, completedAt: event.data.completedAt } : r)) };
    default:
      return assertNever(event);
  }
}
