import type { BoundarySource, FinancialPeriod } from '../shared/boundary.model';
import type { DelegationLevel } from '../shared/delegation.model';
import type { Money } from '../shared/money';

/** A financial limit a decision was checked against, with what had been spent under it. */
export interface MandateLimit {
  readonly boundaryId: string;
  readonly title: string;
  readonly source: BoundarySource;
  readonly limit: Money;
  readonly period: FinancialPeriod;
  readonly decisionArea: string | null;
  /** Recorded decisions in the same calendar period (UTC) before this one; null for per-decision limits. */
  readonly spentInPeriod: Money | null;
}

/** The mandate valid at the moment of a decision: what the board said and which boundaries held. */
export interface Mandate {
  readonly area: string;
  /** The board's level for the area; null when never set (then nothing is delegated: level 1). */
  readonly boardLevel: DelegationLevel | null;
  readonly boardLevelSetAt: string | null;
  readonly financialLimits: readonly MandateLimit[];
  /** Legal, core-procedure and safety boundaries in force (team's and unit's). */
  readonly ruleBoundaryIds: readonly string[];
}

export type MandateViolationCode = 'DECISION.LEVEL_ABOVE_MANDATE' | 'DECISION.AMOUNT_OVER_LIMIT' | 'DECISION.CURRENCY_MISMATCH' | 'DECISION.NO_BUDGET';

export interface MandateViolation {
  readonly code: MandateViolationCode;
  readonly field: string;
  readonly message: string;
  readonly boundaryId: string | null;
}
