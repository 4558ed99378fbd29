import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';
import { TeamRoles } from '../add-member/add-member.request';

export const ChangeMemberRolesRequest = z.strictObject({ roles: TeamRoles, reason: Reason.optional() });
