import { z } from 'zod';
import { MAX_LINKED_LESSONS, MAX_REPORT_TEXT_LENGTH, SEVERITIES } from '@leerzone/failure-learning-domain';
import { EntityId, FreeText, Instant, RootId } from '@leerzone/service-kit';
import { Cost, Tag, Tags } from '../../shared/fields';

/** "What happened?" — there is no field for who is to blame (one sent is refused with REPORT.BLAME_NOT_ASKED). */
export const ReportFailureRequest = z.strictObject({
  /** Optional client-chosen id (UUID) for idempotent retries; minted when absent. */
  reportId: RootId.optional(),
  teamId: RootId,
  expected: FreeText(MAX_REPORT_TEXT_LENGTH),
  happened: FreeText(MAX_REPORT_TEXT_LENGTH),
  context: FreeText(MAX_REPORT_TEXT_LENGTH),
  impact: z.strictObject({ description: FreeText(MAX_REPORT_TEXT_LENGTH), cost: Cost.nullable().optional() }),
  severity: z.enum(SEVERITIES),
  occurredAt: Instant,
  noticedAt: Instant,
  area: Tag,
  tags: Tags.default([]),
  /** Earlier lessons the reporter recognised among the suggestions. */
  linkedLessonIds: z.array(EntityId).max(MAX_LINKED_LESSONS).default([]),
  /** Stay anonymous to the team: the identity is sealed, and shown to nobody but the reporter. */
  anonymous: z.boolean().default(false),
});
