import { z } from 'zod';
import { MAX_KEY_RESULTS } from '@leerzone/okr-domain';
import { Reason, RootId } from '../../shared/okr-fields';
import { EntityId } from '../objective-fields';

/** Into which cycle, under which new id (optional), with which key results (default all). */
export const CarryForwardRequest = z.strictObject({
  cycleId: RootId,
  newObjectiveId: z.uuid().optional(),
  keyResultIds: z.array(EntityId).max(MAX_KEY_RESULTS).optional(),
  reason: Reason.optional(),
});
