import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from '@leerzone/assessment-domain';
import { FreeText } from '@leerzone/service-kit';

/**
 * One respondent's answers: one entry per instrument of the round, each with the version
 * the round uses and a value for every item. The domain (parseAnswerSheet) checks the
 * scale, missing, unknown and doubled items and instruments, and names the field.
 */
export const AnswerRoundRequest = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        instrumentId: z.string().max(60),
        version: z.number(),
        responses: z.array(z.strictObject({ itemId: z.string().max(60), value: z.number() })).max(100),
      }),
    )
    .min(1)
    .max(10),
  /** Optional free text, shown only when at least the threshold number of comments exist, shuffled and dated at the close. */
  comment: FreeText(MAX_COMMENT_LENGTH).nullable().optional(),
});
