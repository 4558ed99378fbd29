import { z } from 'zod';
import { TEAM_PHASES } from '@leerzone/governance-domain';
import { Reason } from '../../shared/governance-fields';

/** Forward one phase at a time (following teams skip pilot); going back needs a reason. */
export const MoveTeamToPhaseRequest = z.strictObject({ phase: z.enum(TEAM_PHASES), reason: Reason.optional() });
