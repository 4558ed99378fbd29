import { tenantSubject } from '@leerzone/kernel';
import type { Zone, ZoneThresholds } from '../scoring/zones';

/** An item the team chose to work on after a round. */
export interface FocusItem {
  readonly instrumentId: string;
  readonly itemId: string;
}

export type RoundOutcome = 'results' | 'not-enough-answers';

export interface ZonePlacement {
  readonly zone: Zone;
  /** The team means the placement used: the safety scale's total and the standards scale's total. */
  readonly safety: number;
  readonly standards: number;
  readonly thresholds: ZoneThresholds;
  /** Either axis had rwg(j) below the agreement threshold: the placement speaks less for the whole team. */
  readonly lowAgreement: boolean;
}

export type ActionStatus = 'open' | 'done' | 'dropped';

/**
 * Every sealed value of a round's answers uses the vault subject of the round: one key for
 * the round, destroyed at close, after which no answer and no slot can be opened or
 * recomputed by anyone. Tenant-scoped (round ids are unique only per tenant). A round opened
 * before subjects were scoped keeps the subject its slot key names (`RoundState.keySubject`).
 */
export const roundKeySubject = (tenantId: string, roundId: string): string => tenantSubject('assessment-round', tenantId, roundId);

/** Comments published at close are re-sealed, each under a subject of its own (a fresh random id), so one comment can be erased. */
export const COMMENT_SUBJECT_PREFIX = 'assessment-comment-';
export const commentSubject = (commentId: string): string => `${COMMENT_SUBJECT_PREFIX}${commentId}`;
