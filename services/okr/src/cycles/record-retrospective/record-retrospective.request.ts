import { z } from 'zod';
import { MAX_RETROSPECTIVE_ANSWER_LENGTH } from '@leerzone/okr-domain';
import { FreeText } from '@leerzone/service-kit';
import { Reason, RootId } from '../../shared/okr-fields';

const Answer = FreeText(MAX_RETROSPECTIVE_ANSWER_LENGTH);

/** The team's shared record about its work (kept in the clear): write about the work, not about people. */
export const RecordRetrospectiveRequest = z.strictObject({
  teamId: RootId,
  previousCycleId: RootId.optional(),
  whatWorked: Answer,
  whatDidNotWork: Answer,
  whatWeLearned: Answer,
  whatWeCarryForward: Answer.optional(),
  reason: Reason.optional(),
});
