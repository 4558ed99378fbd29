import { z } from 'zod';
import { MAX_REASON_LENGTH } from '@leerzone/governance-domain';

/** Aggregate roots (teams, organisations, rollout plans) are addressed by UUID. */
export const RootId = z.uuid();

/**
 * Ids of things inside an aggregate (units, boundaries, proposals, decisions, principles,
 * sessions) and user ids (members): chosen by the client or minted here, safe in a URL.
 */
export const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'Use 1-128 letters, digits and . _ : @ - (starting with a letter or digit).');

/** Decision areas and coaching topics are slugs (`budget-spend`, `giving-feedback`). */
export const Slug = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Use a lower-case slug such as budget-spend.');

/** Why a change was made. Where the domain requires one, a missing reason is a 400 on `reason`. */
export const Reason = z.string().trim().min(1, 'Say why (the reason must not be empty).').max(MAX_REASON_LENGTH);

/** An ISO-8601 instant with an explicit zone, as the domain parses it. */
export const Instant = z.iso.datetime({ offset: true });

export const Money = z.strictObject({
  amount: z.number().min(0).max(1_000_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR.'),
});

const FinancialBoundaryBody = z.strictObject({
  kind: z.literal('financial'),
  title: z.string().trim().min(1).max(200),
  limit: Money,
  period: z.enum(['per-decision', 'month', 'quarter', 'year']),
  decisionArea: Slug.nullable().optional(),
});

const RuleBoundaryBody = z.strictObject({
  kind: z.enum(['legal', 'core-procedure', 'safety']),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(4000),
  reference: z.string().trim().max(200).nullable().optional(),
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
