import { z } from 'zod';
import { EntityId } from '../../shared/governance-fields';

/** Consent is given in person: memberId defaults to the caller, and must be the caller. */
export const ConsentRequest = z.strictObject({ memberId: EntityId.optional() });
