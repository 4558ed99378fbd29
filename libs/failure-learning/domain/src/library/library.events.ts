import type { DomainEvent } from '@leerzone/kernel';
import type { FailureKind, FollowUpDueRule } from '../shared/failure.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type LessonAddedToLibrary = Ev<
  'LessonAddedToLibrary',
  { lessonId: string; reportId: string; teamId: string; kind: FailureKind; summary: string; area: string; tags: readonly string[]; addedBy: string; addedAt: string }
>;
export type ContributingFactorAdded = Ev<'ContributingFactorAdded', { factor: string; label: string; addedBy: string; addedAt: string }>;
export type FollowUpDueRuleSet = Ev<'FollowUpDueRuleSet', { previous: FollowUpDueRule; rule: FollowUpDueRule; setBy: string; setAt: string; reason: string }>;

export type LibraryEvent = LessonAddedToLibrary | ContributingFactorAdded | FollowUpDueRuleSet;

const libraryEventTypeSet: Record<LibraryEvent['type'], true> = { LessonAddedToLibrary: true, ContributingFactorAdded: true, FollowUpDueRuleSet: true };
export const LIBRARY_EVENT_TYPES = Object.keys(libraryEventTypeSet) as readonly LibraryEvent['type'][];
export const isLibraryEvent = (event: { readonly type: string }): event is LibraryEvent => Object.hasOwn(libraryEventTypeSet, event.type);
