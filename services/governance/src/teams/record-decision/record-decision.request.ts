import { z } from 'zod';
import { NameText, FreeText } from '@leerzone/service-kit';
import { MAX_DECISION_TITLE_LENGTH, MAX_OPTIONS, MAX_OPTION_LENGTH, MAX_RATIONALE_LENGTH } from '@leerzone/governance-domain';
import { EntityId, Money, Slug } from '../../shared/governance-fields';

export const RecordDecisionRequest = z.strictObject({
  decisionId: EntityId.optional(),
  /** A decision area on the team's board. */
  area: Slug,
  title: NameText(MAX_DECISION_TITLE_LENGTH),
  /** The delegation level (1 Tell … 7 Delegate) the team acted under. */
  actedUnderLevel: z.number().int().min(1).max(7),
  rationale: FreeText(MAX_RATIONALE_LENGTH),
  optionsConsidered: z.array(FreeText(MAX_OPTION_LENGTH)).min(1).max(MAX_OPTIONS),
  /** For financial decisions: checked against every financial boundary covering the area. */
  amount: Money.optional(),
  /** Outside the mandate: refuse (default, 403 with the violations) or record it as escalated (201). */
  onOutsideMandate: z.enum(['reject', 'escalate']).default('reject'),
});
