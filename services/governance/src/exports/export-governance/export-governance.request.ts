import { z } from 'zod';
import { EntityId, Instant, RootId, Slug } from '../../shared/governance-fields';

export const EXPORT_DATASETS = ['decisions', 'boundary-changes', 'consent-outcomes'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const ExportParams = z.strictObject({ dataset: z.enum(EXPORT_DATASETS) });

export const ExportQuery = z
  .strictObject({
    format: z.enum(['csv', 'ndjson']).default('csv'),
    teamId: RootId.optional(),
    /** The teams of this unit and every unit below it (and, for boundary changes, those units' own boundaries). */
    unitId: EntityId.optional(),
    /** The decision area (for boundary changes and proposals: the area of a financial boundary). */
    area: Slug.optional(),
    /** From this moment (inclusive): decided, changed, or closed. */
    from: Instant.optional(),
    /** Until this moment (inclusive). */
    to: Instant.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to.', path: ['to'] });
