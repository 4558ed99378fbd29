import { z } from 'zod';
import { MAX_REPORT_TEXT_LENGTH } from '@leerzone/failure-learning-domain';
import { RootId } from '@leerzone/service-kit';
import { Tag, Tags } from '../../shared/fields';

/** The report as written so far; everything but the team is optional. */
export const SuggestLessonsRequest = z.strictObject({
  teamId: RootId,
  area: Tag.optional(),
  tags: Tags.default([]),
  /** What happened, what was expected, the context: compared word by word with lesson summaries. */
  text: z.string().max(3 * MAX_REPORT_TEXT_LENGTH).default(''),
});
