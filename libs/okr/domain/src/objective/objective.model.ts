import type { TextRule } from '@leerzone/kernel';
import type { Measure } from './measure.model';

export const OBJECTIVE_LEVELS = ['organisation', 'unit', 'team'] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

/** Who owns an objective: a unit (organisation and unit level) or a team (team level). Ids are governance's, pseudonymous. */
export interface ObjectiveOwner {
  readonly kind: 'unit' | 'team';
  readonly id: string;
}

/** Committed objectives are expected at 1.0; aspirational ones aim at 0.6–0.7. */
export const COMMITMENTS = ['committed', 'aspirational'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

/** How many key results an objective holds once committed to its cycle (the article's 3–5). */
export const MIN_KEY_RESULTS = 3;
export const MAX_KEY_RESULTS = 5;
/** Weights are optional; without one every key result weighs the same. */
export const DEFAULT_KEY_RESULT_WEIGHT = 1;
export const MAX_KEY_RESULT_WEIGHT = 100;
export const MAX_CONTRIBUTIONS = 10;
export const MAX_BLOCKERS_PER_CHECK_IN = 10;

export const MAX_OBJECTIVE_TITLE_LENGTH = 200;
export const MAX_OBJECTIVE_DESCRIPTION_LENGTH = 4000;
export const MAX_KEY_RESULT_TITLE_LENGTH = 200;
export const MAX_OVERRIDE_REASON_LENGTH = 2000;

/** The rules the application layer checks plain text against before sealing it (the domain sees only the sealed value). */
export const CHECK_IN_COMMENT_TEXT: TextRule = { field: 'comment', code: 'OKR.COMMENT_INVALID', label: 'The comment', max: 2000 };
export const BLOCKER_TEXT: TextRule = { field: 'blockers.description', code: 'OKR.BLOCKER_INVALID', label: 'The blocker description', max: 1000 };
export const REVIEW_FINDING_TEXT: TextRule = { field: 'obstacle', code: 'OKR.FINDING_INVALID', label: 'What stood in the way', max: 2000 };

export interface KeyResultDefinition {
  readonly title: string;
  readonly measure: Measure;
  readonly weight: number;
}

/** The parts of a definition that are goalposts: moving one while the cycle runs needs a reason and is shown. */
export const GOALPOST_FIELDS = ['kind', 'start', 'target', 'direction', 'unit', 'levels', 'weight'] as const;
export type GoalpostField = (typeof GOALPOST_FIELDS)[number];

/** Who could remove a blocker: another team, the team's coach, or the unit above. Never who caused it. */
export type BlockerRemovableBy = { readonly kind: 'team'; readonly teamId: string } | { readonly kind: 'coach' } | { readonly kind: 'unit-above' };

/** How the actor relates to the objective's owner, from the service's read model of governance's teams. */
export const CHECK_IN_RELATIONS = ['member', 'coach', 'none'] as const;
export type CheckInRelation = (typeof CHECK_IN_RELATIONS)[number];
