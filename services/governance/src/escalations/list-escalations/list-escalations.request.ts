import { z } from 'zod';
import { PageQuery, csv } from '@leerzone/service-kit';
import { EntityId, RootId } from '../../shared/governance-fields';

export const ListEscalationsQuery = z.strictObject({
  /** `me`: escalations waiting for the caller — of teams they coach and of units they were named the escalation contact of. */
  assignee: z.literal('me').optional(),
  /** Escalations of the teams in this unit and every unit below it. */
  unitId: EntityId.optional(),
  teamId: RootId.optional(),
  /** Default open. */
  status: csv(z.enum(['open', 'approved', 'declined'])).optional(),
  /** Only those past (true) or within (false) the tenant's escalation timeout; open ones only. */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...PageQuery,
});
