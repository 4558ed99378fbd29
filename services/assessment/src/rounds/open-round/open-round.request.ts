import { z } from 'zod';
import { MAX_INSTRUMENTS_PER_ROUND, MAX_RESPONDENTS_PER_ROUND, MIN_ANONYMITY_THRESHOLD } from '@leerzone/assessment-domain';
import { AssessmentSlug, Instant, RootId } from '../../shared/assessment-fields';

export const OpenRoundRequest = z.strictObject({
  /** Optional client id, for idempotent retries; otherwise the server mints one. */
  roundId: RootId.optional(),
  teamId: RootId,
  /** The instrument versions the round asks; each is copied into the round. */
  instruments: z
    .array(z.strictObject({ instrumentId: AssessmentSlug, version: z.number().int().min(1) }))
    .min(1)
    .max(MAX_INSTRUMENTS_PER_ROUND),
  /** Default: the tenant's threshold. Higher is allowed, lower than the tenant's is not. */
  anonymityThreshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).max(MAX_RESPONDENTS_PER_ROUND).optional(),
  /** After this instant no answer is taken and the scheduler closes the round. */
  closesAt: Instant.optional(),
});
