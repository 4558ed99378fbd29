import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

/** An objection is made in person (memberId defaults to the caller) and says why (required). */
export const ObjectionRequest = z.strictObject({ memberId: EntityId.optional(), reason: Reason.optional() });
