import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

export const NameEscalationContactRequest = z.strictObject({
  /** The user who answers escalations from the unit's teams (and units below that name nobody); null takes it back. */
  contactId: EntityId.nullable(),
  /** Why; required. */
  reason: Reason.optional(),
});
