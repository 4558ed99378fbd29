import { z } from 'zod';
import { EntityId, Instant, RootId } from '../../shared/governance-fields';

export const EscalationAreasQuery = z.strictObject({
  unitId: EntityId.optional(),
  teamId: RootId.optional(),
  /** Count escalations from this moment on; default: all. */
  since: Instant.optional(),
  /** Only areas escalated at least this often (default 2: repeated). */
  minCount: z.coerce.number().int().min(1).max(1000).default(2),
});
