import { z } from 'zod';
import { MAX_ACTION_DESCRIPTION_LENGTH, MAX_LESSON_SUMMARY_LENGTH, MAX_TAGS, PREVENTION_KINDS } from '@leerzone/failure-learning-domain';
import { EntityId, FreeText, RootId } from '@leerzone/service-kit';
import { Tag } from '../../shared/fields';

/** The lesson every response ends with. Its id is minted by the service: lesson ids are unique per tenant. */
export const LessonBody = z.strictObject({
  summary: FreeText(MAX_LESSON_SUMMARY_LENGTH),
  /** Defaults to the report's tags; a lesson needs at least one, naming the area or process. */
  tags: z.array(Tag).min(1).max(MAX_TAGS).optional(),
  /** Basic and complex lessons may be shared with the tenant's library; intelligent ones always are. */
  shareWithLibrary: z.boolean().optional(),
});

export const RecordBasicFailureResponseRequest = z.strictObject({
  prevention: z.strictObject({
    actionId: EntityId.optional(),
    kind: z.enum(PREVENTION_KINDS as ['checklist-item', 'training']),
    description: FreeText(MAX_ACTION_DESCRIPTION_LENGTH),
    /** Defaults to the report's team. */
    ownerTeamId: RootId.optional(),
  }),
  lesson: LessonBody,
});
