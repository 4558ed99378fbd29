import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

/** A concrete rule to live by ("I am always honest, even when the truth is uncomfortable") and the value it expresses ("integrity"). */
export const AdoptPrincipleRequest = z.strictObject({
  principleId: EntityId.optional(),
  rule: z.string().trim().min(1).max(500),
  value: z.string().trim().min(1).max(80),
  reason: Reason.optional(),
});
