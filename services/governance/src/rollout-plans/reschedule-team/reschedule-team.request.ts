import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';
import { IsoDate } from '../schedule-team/schedule-team.request';

/** The reason is required. */
export const RescheduleTeamRequest = z.strictObject({
  wave: z.enum(['pilot', 'following']),
  plannedStartOn: IsoDate,
  plannedSelfSteeringOn: IsoDate.nullable().optional(),
  reason: Reason.optional(),
});
