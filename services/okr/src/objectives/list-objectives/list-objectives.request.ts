import { z } from 'zod';
import { OBJECTIVE_LEVELS } from '@leerzone/okr-domain';
import { csv, PageQuery } from '@leerzone/service-kit';
import { EntityId, RootId } from '../../shared/okr-fields';

export const ListObjectivesQuery = z.strictObject({
  cycleId: RootId.optional(),
  /** The owning team's or unit's id. */
  ownerId: EntityId.optional(),
  level: csv(z.enum(OBJECTIVE_LEVELS)).optional(),
  ...PageQuery,
});
