import { z } from 'zod';
import { COMMITMENTS, MAX_OBJECTIVE_DESCRIPTION_LENGTH, MAX_OBJECTIVE_TITLE_LENGTH, OBJECTIVE_LEVELS } from '@leerzone/okr-domain';
import { FreeText, NameText } from '@leerzone/service-kit';
import { EntityId, Reason, RootId } from '../../shared/okr-fields';

/** Organisation and unit objectives are owned by a unit (governance's unit id), team objectives by a team. */
export const DefineObjectiveRequest = z.strictObject({
  objectiveId: z.uuid().optional(),
  cycleId: RootId,
  level: z.enum(OBJECTIVE_LEVELS),
  owner: z.strictObject({ kind: z.enum(['unit', 'team']), id: EntityId }),
  title: NameText(MAX_OBJECTIVE_TITLE_LENGTH),
  description: FreeText(MAX_OBJECTIVE_DESCRIPTION_LENGTH).optional(),
  commitment: z.enum(COMMITMENTS),
  reason: Reason.optional(),
});
