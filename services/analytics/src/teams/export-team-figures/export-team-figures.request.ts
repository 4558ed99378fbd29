import { z } from 'zod';
import { scopeQuery } from '../../shared/analytics-query';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;

export const ExportTeamFiguresQuery = z.strictObject({
  ...scopeQuery,
  format: z.enum(EXPORT_FORMATS).default('csv'),
});
