import { z } from 'zod';
import { MIN_ANONYMITY_THRESHOLD, ZONE_SCALE } from '@leerzone/assessment-domain';
import { Reason } from '../../shared/assessment-fields';

const ZoneThreshold = z.number().gt(ZONE_SCALE.min).max(ZONE_SCALE.max);

export const ConfigureAssessmentRequest = z.strictObject({
  /** Rounds opened from now on freeze this threshold; never below the domain's minimum. */
  anonymityThreshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).max(500),
  /** Where "high" starts on each 1–7 axis of the zones. */
  zoneThresholds: z.strictObject({ safetyHighFrom: ZoneThreshold, standardsHighFrom: ZoneThreshold }),
  reason: Reason.optional(),
});
