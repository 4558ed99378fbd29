import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';

export const IsoDate = z.iso.date();

export const ScheduleTeamRequest = z.strictObject({
  teamId: z.uuid(),
  wave: z.enum(['pilot', 'following']),
  plannedStartOn: IsoDate,
  plannedSelfSteeringOn: IsoDate.nullable().optional(),
  reason: Reason.optional(),
});
