import { z } from 'zod';
import { EntityId, RootId } from '../shared/okr-fields';

export const ObjectiveIdParam = z.strictObject({ objectiveId: RootId });
export const KeyResultParams = z.strictObject({ objectiveId: RootId, keyResultId: EntityId });
export const BlockerParams = z.strictObject({ objectiveId: RootId, blockerId: EntityId });
