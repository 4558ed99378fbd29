import { z } from 'zod';
import { TEAM_ROLES } from '@leerzone/governance-domain';
import { EntityId, Reason } from '../../shared/governance-fields';

export const TeamRoles = z.array(z.enum(TEAM_ROLES)).min(1).max(TEAM_ROLES.length);

export const AddMemberRequest = z.strictObject({
  /** The person's user id (the `sub` of their token): they will say yes with it. */
  memberId: EntityId,
  roles: TeamRoles.default(['member']),
  reason: Reason.optional(),
});
