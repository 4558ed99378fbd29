import { z } from 'zod';
import { scopeQuery } from '../../shared/analytics-query';

export const ZoneHeatMapQuery = z.strictObject({ unit: scopeQuery.unit, phase: scopeQuery.phase });
