import { z } from 'zod';
import { CASE_CONSEQUENCE_KINDS, MAX_REPORT_TEXT_LENGTH } from '@leerzone/failure-learning-domain';
import { EntityId, FreeText } from '@leerzone/service-kit';

export const RecordCaseConsequenceRequest = z.strictObject({
  consequenceId: EntityId.optional(),
  kind: z.enum(CASE_CONSEQUENCE_KINDS),
  /** Sealed under the concerned person. */
  description: FreeText(MAX_REPORT_TEXT_LENGTH),
});
