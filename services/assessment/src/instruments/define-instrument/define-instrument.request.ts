import { z } from 'zod';
import {
  MAX_ANCHOR_LENGTH,
  MAX_DIMENSIONS,
  MAX_INSTRUMENT_TITLE_LENGTH,
  MAX_ITEM_TEXT_LENGTH,
  MAX_ITEMS,
  MAX_SCALE_POINTS,
  MIN_SCALE_POINTS,
  TOTAL_SCORINGS,
} from '@leerzone/assessment-domain';
import { FreeText, NameText } from '@leerzone/service-kit';
import { AssessmentSlug, Reason } from '../../shared/assessment-fields';

/** A tenant's own instrument (published ones are read-only). The domain checks the rest: items per dimension, distinct ids. */
export const InstrumentDefinitionBody = z.strictObject({
  title: NameText(MAX_INSTRUMENT_TITLE_LENGTH),
  referent: NameText(MAX_INSTRUMENT_TITLE_LENGTH).nullable().optional(),
  note: FreeText(1000).nullable().optional(),
  scale: z.strictObject({
    points: z.number().int().min(MIN_SCALE_POINTS).max(MAX_SCALE_POINTS),
    lowAnchor: NameText(MAX_ANCHOR_LENGTH),
    highAnchor: NameText(MAX_ANCHOR_LENGTH),
  }),
  dimensions: z.array(z.strictObject({ dimensionId: AssessmentSlug, title: NameText(MAX_INSTRUMENT_TITLE_LENGTH) })).min(1).max(MAX_DIMENSIONS),
  items: z
    .array(z.strictObject({ itemId: AssessmentSlug, dimensionId: AssessmentSlug, text: NameText(MAX_ITEM_TEXT_LENGTH), reverse: z.boolean() }))
    .min(1)
    .max(MAX_ITEMS),
  total: z.enum(TOTAL_SCORINGS as [string, ...string[]]),
});

export const DefineInstrumentRequest = z.strictObject({ instrumentId: AssessmentSlug, definition: InstrumentDefinitionBody });
export const ReviseInstrumentRequest = z.strictObject({ definition: InstrumentDefinitionBody, reason: Reason.optional() });
