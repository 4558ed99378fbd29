import { z } from 'zod';
import { COMMITMENTS, MAX_OBJECTIVE_DESCRIPTION_LENGTH, MAX_OBJECTIVE_TITLE_LENGTH } from '@leerzone/okr-domain';
import { FreeText, NameText } from '@leerzone/service-kit';
import { Reason } from '../../shared/okr-fields';

/** Omitted fields stay; `description: null` clears it. Changing the commitment while the cycle runs needs a reason. */
export const ReviseObjectiveRequest = z.strictObject({
  title: NameText(MAX_OBJECTIVE_TITLE_LENGTH).optional(),
  description: FreeText(MAX_OBJECTIVE_DESCRIPTION_LENGTH).nullable().optional(),
  commitment: z.enum(COMMITMENTS).optional(),
  reason: Reason.optional(),
});
