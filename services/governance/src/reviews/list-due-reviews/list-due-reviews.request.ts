import { z } from 'zod';
import { PageQuery } from '@leerzone/service-kit';
import { EntityId, RootId } from '../../shared/governance-fields';
import { ReviewDate } from '../set-review-date/set-review-date.request';

export const ListDueReviewsQuery = z.strictObject({
  teamId: RootId.optional(),
  /** The teams of this unit and every unit below it. */
  unitId: EntityId.optional(),
  /** Due on or before this date (YYYY-MM-DD); default today. */
  dueBefore: ReviewDate.optional(),
  ...PageQuery,
});
