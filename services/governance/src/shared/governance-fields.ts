import { z } from 'zod';
import { MAX_BOUNDARY_DESCRIPTION_LENGTH, MAX_BOUNDARY_REFERENCE_LENGTH, MAX_BOUNDARY_TITLE_LENGTH, MAX_REASON_LENGTH } from '@leerzone/governance-domain';
import { EntityId, FreeText, NameText, ReasonText, Slug } from '@leerzone/service-kit';

export { EntityId, Instant, RootId, Slug } from '@leerzone/service-kit';

/** Why a governance change was made. Where the domain requires one, a missing reason is a 400 on `reason`. */
export const Reason = ReasonText(MAX_REASON_LENGTH);

export const Money = z.strictObject({
  amount: z.number().min(0).max(1_000_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR.'),
});

const FinancialBoundaryBody = z.strictObject({
  kind: z.literal('financial'),
  title: NameText(MAX_BOUNDARY_TITLE_LENGTH),
  limit: Money,
  period: z.enum(['per-decision', 'month', 'quarter', 'year']),
  decisionArea: Slug.nullable().optional(),
});

const RuleBoundaryBody = z.strictObject({
  kind: z.enum(['legal', 'core-procedure', 'safety']),
  title: NameText(MAX_BOUNDARY_TITLE_LENGTH),
  description: FreeText(MAX_BOUNDARY_DESCRIPTION_LENGTH),
  reference: z.string().trim().max(MAX_BOUNDARY_REFERENCE_LENGTH).nullable().optional(),
});

/** A boundary without its id (the id is in the path). */
export const BoundaryBody = z.discriminatedUnion('kind', [FinancialBoundaryBody, RuleBoundaryBody]);
export type BoundaryBody = z.infer<typeof BoundaryBody>;

/** A boundary with its id, as consent proposals carry it. */
export const BoundaryWithId = z.discriminatedUnion('kind', [
  FinancialBoundaryBody.extend({ boundaryId: EntityId }),
  RuleBoundaryBody.extend({ boundaryId: EntityId }),
]);

/** `{ reason }` — the body of commands that only need a why (withdraw, retire, remove). Optional: X-Reason works too. */
export const ReasonOnly = z.strictObject({ reason: Reason.optional() });
