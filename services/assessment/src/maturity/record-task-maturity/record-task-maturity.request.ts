import { z } from 'zod';
import { COMMITMENT_LEVELS, COMPETENCE_LEVELS, MAX_TASK_TITLE_LENGTH } from '@leerzone/assessment-domain';
import { FreeText, NameText } from '@leerzone/service-kit';
import { AssessmentSlug, EntityId } from '../../shared/assessment-fields';

export const MAX_MATURITY_NOTE_LENGTH = 2000;

export const RecordTaskMaturityRequest = z.strictObject({
  task: AssessmentSlug,
  taskTitle: NameText(MAX_TASK_TITLE_LENGTH),
  competence: z.enum(COMPETENCE_LEVELS),
  commitment: z.enum(COMMITMENT_LEVELS),
  /** Free text about the member: sealed under their own subject, erased with them. */
  note: FreeText(MAX_MATURITY_NOTE_LENGTH).nullable().optional(),
  /** The coach recording it with the member; defaults to the caller when the caller is the team's coach. */
  coachId: EntityId.optional(),
});
