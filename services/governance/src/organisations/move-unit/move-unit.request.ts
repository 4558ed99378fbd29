import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

/** parentUnitId null: to the top. The reason is required. */
export const MoveUnitRequest = z.strictObject({ parentUnitId: EntityId.nullable(), reason: Reason.optional() });
