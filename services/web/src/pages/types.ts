// The shapes of the API answers the pages read (only the fields they use).
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string | null;
}
export interface TeamSummary {
  readonly teamId: string;
  /** The team's stream: its history in the audit API. */
  readonly streamId: string;
  readonly name: string;
  readonly unitId: string | null;
  readonly phase: string;
  readonly phaseSince: string;
  readonly memberCount: number;
  readonly stalled: boolean;
  readonly createdAt: string;
  readonly version: number;
}
export interface Money {
  readonly amount: number;
  readonly currency: string;
}
export interface Boundary {
  readonly boundaryId: string;
  readonly kind: 'financial' | 'legal' | 'core-procedure' | 'safety';
  readonly title: string;
  readonly limit?: Money;
  readonly period?: string;
  readonly description?: string;
  readonly decisionArea?: string;
}
export interface Member {
  readonly memberId: string;
  readonly roles: readonly string[];
  readonly saidYes: boolean;
  readonly yesGivenAt: string | null;
}
