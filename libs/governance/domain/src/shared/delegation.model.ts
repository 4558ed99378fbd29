/** The seven levels of the Management 3.0 delegation board, from "the manager decides" to "the team decides". */
export const DELEGATION_LEVELS = {
  1: 'Tell',
  2: 'Sell',
  3: 'Consult',
  4: 'Agree',
  5: 'Advise',
  6: 'Inquire',
  7: 'Delegate',
} as const;

export type DelegationLevel = keyof typeof DELEGATION_LEVELS;
export type DelegationLevelName = (typeof DELEGATION_LEVELS)[DelegationLevel];

export const isDelegationLevel = (value: unknown): value is DelegationLevel =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;

export const delegationLevelName = (level: DelegationLevel): DelegationLevelName => DELEGATION_LEVELS[level];

export const describeLevel = (level: DelegationLevel): string => `${level} (${DELEGATION_LEVELS[level]})`;

/** Key decision areas every team's board starts with; teams may add their own. */
export const STANDARD_DECISION_AREAS = {
  hiring: 'Hiring',
  'budget-spend': 'Budget spend',
  tooling: 'Tooling',
  planning: 'Planning',
  'working-hours': 'Working hours',
} as const;

export type StandardDecisionArea = keyof typeof STANDARD_DECISION_AREAS;

export const isStandardDecisionArea = (area: string): area is StandardDecisionArea => Object.hasOwn(STANDARD_DECISION_AREAS, area);

/**
 * An area nobody set a level for has not been delegated: the manager decides (level 1).
 * Authority is given explicitly, never assumed.
 */
export const UNDELEGATED_LEVEL: DelegationLevel = 1;
