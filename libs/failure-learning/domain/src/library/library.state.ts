import { assertNever } from '@leerzone/kernel';
import type { LessonReference } from '../lessons/lesson.model';
import type { FollowUpDueRule } from '../shared/failure.model';
import { DEFAULT_CONTRIBUTING_FACTORS, DEFAULT_FOLLOW_UP_DUE_RULE } from '../shared/failure.model';
import { withEntry } from '../shared/maps';
import type { LibraryEvent } from './library.events';

/** A shared lesson as the library holds it: a lesson reference without the prevention's live status. */
export interface LibraryLessonState extends Omit<LessonReference, 'preventionAction'> {
  readonly addedAt: string;
}

/** A library exists from the tenant's first day: the defaults need no event. */
export interface LibraryState {
  readonly lessons: ReadonlyMap<string, LibraryLessonState>;
  /** Factor → label; the defaults first, the tenant's additions after. */
  readonly contributingFactors: ReadonlyMap<string, string>;
  readonly dueRule: FollowUpDueRule;
}

const DEFAULT_FACTOR_LABELS: Readonly<Record<(typeof DEFAULT_CONTRIBUTING_FACTORS)[number], string>> = {
  tooling: 'Tooling',
  process: 'Process',
  communication: 'Communication',
  load: 'Load',
  dependency: 'Dependency',
  knowledge: 'Knowledge',
};

export const initialLibraryState: LibraryState = {
  lessons: new Map(),
  contributingFactors: new Map(DEFAULT_CONTRIBUTING_FACTORS.map((factor) => [factor, DEFAULT_FACTOR_LABELS[factor]])),
  dueRule: DEFAULT_FOLLOW_UP_DUE_RULE,
};

export function evolveLibrary(state: LibraryState, event: LibraryEvent): LibraryState {
  switch (event.type) {
    case 'LessonAddedToLibrary': {
      const { lessonId, reportId, teamId, kind, summary, area, tags, addedAt } = event.data;
      return { ...state, lessons: withEntry(state.lessons, lessonId, { lessonId, reportId, teamId, kind, summary, area, tags, addedAt }) };
    }
    case 'ContributingFactorAdded':
      return { ...state, contributingFactors: withEntry(state.contributingFactors, event.data.factor, event.data.label) };
    case 'FollowUpDueRuleSet':
      return { ...state, dueRule: event.data.rule };
    default:
      return assertNever(event);
  }
}
