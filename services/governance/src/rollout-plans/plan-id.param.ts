import { z } from 'zod';
import { RootId } from '../shared/governance-fields';

export const PlanIdParam = z.strictObject({ planId: RootId });
export const PlanTeamParams = z.strictObject({ planId: RootId, teamId: RootId });
