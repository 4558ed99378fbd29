import { z } from 'zod';
import { EntityId, Money, Slug } from '../../shared/governance-fields';

export const RecordDecisionRequest = z.strictObject({
  decisionId: EntityId.optional(),
  /** A decision area on the team's board. */
  area: Slug,
  title: z.string().trim().min(1).max(200),
  /** The delegation level (1 Tell … 7 Delegate) the team acted under. */
  actedUnderLevel: z.number().int().min(1).max(7),
  rationale: z.string().trim().min(1).max(4000),
  optionsConsidered: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
  /** For financial decisions: checked against every financial boundary covering the area. */
  amount: Money.optional(),
  /** Outside the mandate: refuse (default, 403 with the violations) or record it as escalated (201). */
  onOutsideMandate: z.enum(['reject', 'escalate']).default('reject'),
});
