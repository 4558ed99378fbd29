import { z } from 'zod';
import { MAX_ANALYSIS_TEXT_LENGTH } from '@leerzone/failure-learning-domain';
import { FreeText, IsoDate } from '@leerzone/service-kit';

export const CelebrateIntelligentFailureRequest = z.strictObject({ how: FreeText(MAX_ANALYSIS_TEXT_LENGTH), celebratedOn: IsoDate });
