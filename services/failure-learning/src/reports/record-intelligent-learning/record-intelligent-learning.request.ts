import { z } from 'zod';
import { MAX_ANALYSIS_TEXT_LENGTH } from '@leerzone/failure-learning-domain';
import { FreeText } from '@leerzone/service-kit';
import { Cost } from '../../shared/fields';
import { LessonBody } from '../record-basic-response/record-basic-response.request';

export const RecordIntelligentLearningRequest = z.strictObject({
  learned: FreeText(MAX_ANALYSIS_TEXT_LENGTH),
  cost: Cost.nullable().optional(),
  /** Always shared with the tenant's library, so other teams need not repeat it. */
  lesson: LessonBody,
});
