import { z } from 'zod';
import { EntityId, Reason } from '../../shared/request-fields';

/** parentUnitId null: to the top. The reason is required. */
export const MoveUnitRequest = z.strictObject({ parentUnitId: EntityId.nullable(), reason: Reason.optional() });
