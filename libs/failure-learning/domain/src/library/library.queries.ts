import type { FollowUpDueRule } from '../shared/failure.model';
import type { LibraryLessonState, LibraryState } from './library.state';

/** The taxonomy to pass as `RecordSystemAnalysis.taxonomy`. */
export const contributingFactorTaxonomy = (state: LibraryState): readonly string[] => [...state.contributingFactors.keys()];

/** The rule to pass as `dueRule` when planning actions. */
export const followUpDueRule = (state: LibraryState): FollowUpDueRule => state.dueRule;

export const libraryLessons = (state: LibraryState): readonly LibraryLessonState[] => [...state.lessons.values()].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
