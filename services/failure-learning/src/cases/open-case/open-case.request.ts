import { z } from 'zod';
import { HARD_BOUNDARIES, MAX_REPORT_TEXT_LENGTH } from '@leerzone/failure-learning-domain';
import { EntityId, FreeText, RootId } from '@leerzone/service-kit';

export const OpenCaseRequest = z.strictObject({
  caseId: RootId.optional(),
  /** A hard boundary: not a failure to learn from blamelessly. */
  boundary: z.enum(HARD_BOUNDARIES),
  teamId: RootId.nullable().optional(),
  /** The pseudonymous user id of the person whose behaviour is at issue. */
  concernedPersonId: EntityId,
  /** What happened. Sealed under the concerned person: erasing them erases it. */
  account: FreeText(MAX_REPORT_TEXT_LENGTH),
});
