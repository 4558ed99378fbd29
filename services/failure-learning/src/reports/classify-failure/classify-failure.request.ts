import { z } from 'zod';
import { FAILURE_CAUSES, FAILURE_KINDS, MAX_HYPOTHESIS_LENGTH } from '@leerzone/failure-learning-domain';
import { FreeText } from '@leerzone/service-kit';

/** The four attributes of an intelligent failure; a missing one is named in the refusal, with the kind that fits. */
export const IntelligentAttributes = z.strictObject({
  newTerritory: z.boolean().optional(),
  credibleOpportunity: z.boolean().optional(),
  /** Informed by prior knowledge: what the team expected and why. */
  hypothesis: FreeText(MAX_HYPOTHESIS_LENGTH).nullable().optional(),
  asSmallAsPossible: z.boolean().optional(),
});

export const ClassifyFailureRequest = z.strictObject({
  kind: z.enum(FAILURE_KINDS),
  /** On Edmondson's spectrum; it must fit the kind. */
  cause: z.enum(FAILURE_CAUSES),
  attributes: IntelligentAttributes.optional(),
});
