import { z } from 'zod';
import { DEFAULT_SIGNAL_PARAMETERS as D, SIGNAL_RULES } from '@leerzone/analytics-domain';
import { csv, pageQuery } from '@leerzone/service-kit';
import { scopeQuery } from '../../shared/analytics-query';

const days = (fallback: number) => z.coerce.number().min(0).max(3650).default(fallback);

export const ListSignalsQuery = z.strictObject({
  rule: csv(z.enum(SIGNAL_RULES)).optional(),
  unit: scopeQuery.unit,
  team: scopeQuery.team,
  phase: scopeQuery.phase,
  controlWindowDays: days(D.controlWindowDays),
  zoneShiftWindowDays: days(D.zoneShiftWindowDays),
  stalledAfterDays: days(D.stalledAfterDays),
  nearOne: z.coerce.number().min(0).max(1).default(D.nearOne),
  escalationsAtLeast: z.coerce.number().int().min(2).max(1000).default(D.escalationsAtLeast),
  escalationWindowDays: days(D.escalationWindowDays),
  ...pageQuery({ max: 500, defaultLimit: 100 }),
});
