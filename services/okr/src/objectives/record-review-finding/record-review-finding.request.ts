import { z } from 'zod';
import { REVIEW_FINDING_TEXT } from '@leerzone/okr-domain';
import { FreeText } from '@leerzone/service-kit';
import { EntityId, RemovableBy } from '../objective-fields';

/** What stood in the way — an obstacle and who could remove it, never who is to blame. Sealed with the author's key. */
export const RecordReviewFindingRequest = z.strictObject({
  findingId: EntityId.optional(),
  obstacle: FreeText(REVIEW_FINDING_TEXT.max),
  removableBy: RemovableBy.nullable().optional(),
});
