import { z } from 'zod';
import { MAX_ANALYSIS_TEXT_LENGTH, MAX_CONTRIBUTING_FACTORS, MAX_WEAK_SIGNALS } from '@leerzone/failure-learning-domain';
import { FreeText } from '@leerzone/service-kit';
import { Tag } from '../../shared/fields';
import { LessonBody } from '../record-basic-response/record-basic-response.request';

export const RecordSystemAnalysisRequest = z.strictObject({
  /** Factors from the tenant's taxonomy (GET /api/failure-learning/library). */
  contributingFactors: z.array(z.strictObject({ factor: Tag, description: FreeText(MAX_ANALYSIS_TEXT_LENGTH) })).min(1).max(MAX_CONTRIBUTING_FACTORS),
  missedWeakSignals: z.array(FreeText(MAX_ANALYSIS_TEXT_LENGTH)).max(MAX_WEAK_SIGNALS).default([]),
  howToSpotSooner: FreeText(MAX_ANALYSIS_TEXT_LENGTH),
  lesson: LessonBody,
});
