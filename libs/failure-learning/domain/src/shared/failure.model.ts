/**
 * Edmondson's three kinds of failure (Right Kind of Wrong, 2023) and her spectrum of causes,
 * blameworthy → praiseworthy (Strategies for Learning from Failure, HBR April 2011).
 */
export const FAILURE_KINDS = ['basic', 'complex', 'intelligent'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** The nine causes in Edmondson's order, from blameworthy to praiseworthy. */
export const FAILURE_CAUSES = [
  'deviance',
  'inattention',
  'lack-of-ability',
  'process-inadequacy',
  'task-challenge',
  'process-complexity',
  'uncertainty',
  'hypothesis-testing',
  'exploratory-testing',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

/**
 * Which causes fit which kind. Basic failures happen in known territory (a rule broken, a
 * lapse, a skill or a process that fell short: prevent with training and checklists);
 * complex ones from a combination of factors nobody could fully foresee; intelligent ones
 * are the outcome of a deliberate experiment. Each cause fits exactly one kind, so a
 * classification can never contradict its cause.
 */
export const CAUSES_BY_KIND: Readonly<Record<FailureKind, readonly FailureCause[]>> = {
  basic: ['deviance', 'inattention', 'lack-of-ability', 'process-inadequacy'],
  complex: ['task-challenge', 'process-complexity', 'uncertainty'],
  intelligent: ['hypothesis-testing', 'exploratory-testing'],
};

export const kindOfCause = (cause: FailureCause): FailureKind => FAILURE_KINDS.find((kind) => CAUSES_BY_KIND[kind].includes(cause))!;

/**
 * The four attributes of an intelligent failure. "Informed by prior knowledge" is the
 * hypothesis itself: a failure without one was not an experiment.
 */
export interface IntelligentFailureAttributes {
  readonly newTerritory: boolean;
  readonly credibleOpportunity: boolean;
  /** What the team expected to happen and why, from what it already knew. */
  readonly hypothesis: string;
  readonly asSmallAsPossible: boolean;
}

export const INTELLIGENT_ATTRIBUTES = ['newTerritory', 'credibleOpportunity', 'hypothesis', 'asSmallAsPossible'] as const;
export type IntelligentAttribute = (typeof INTELLIGENT_ATTRIBUTES)[number];

export const INTELLIGENT_ATTRIBUTE_LABELS: Readonly<Record<IntelligentAttribute, string>> = {
  newTerritory: 'new territory (no known answer existed)',
  credibleOpportunity: 'a credible opportunity worth the risk',
  hypothesis: 'informed by prior knowledge: a hypothesis',
  asSmallAsPossible: 'as small as possible, to keep the cost low',
};

/** How serious the impact was; it sets the due date of follow-up actions through the tenant's rule. */
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Days from planning to due date, per severity. The tenant may set its own; this is the default. */
export type FollowUpDueRule = Readonly<Record<Severity, number>>;
export const DEFAULT_FOLLOW_UP_DUE_RULE: FollowUpDueRule = { high: 3, medium: 7, low: 7 };
export const MAX_FOLLOW_UP_DUE_DAYS = 90;

/** The contributing factors every tenant starts with; a tenant may add its own. */
export const DEFAULT_CONTRIBUTING_FACTORS = ['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge'] as const;

export interface Money {
  /** In the currency's major unit (euros, not cents). */
  readonly amount: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}
