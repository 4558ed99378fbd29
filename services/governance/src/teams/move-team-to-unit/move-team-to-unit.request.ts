import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

export const MoveTeamToUnitRequest = z.strictObject({ unitId: EntityId, reason: Reason.optional() });
