import { STREAM_ID_PATTERN, STREAM_ID_RULE } from '@leerzone/kernel';
import { z } from 'zod';

const ID = z.string().trim().min(1).max(200);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const limit = z.coerce.number().int().min(1).max(500).default(100);

export const StreamParams = z.strictObject({
  // The kernel's stream-id rule, so a bad id is a 400 here rather than a store error.
  streamId: z.string().regex(STREAM_ID_PATTERN, STREAM_ID_RULE),
});
export const ActorParams = z.strictObject({ actorId: ID });
export const CorrelationParams = z.strictObject({ correlationId: ID });

export const HistoryQuery = z.strictObject({
  fromPosition: z.coerce.number().int().min(1).default(1),
  limit,
});
const timeline = z.enum(['recorded', 'occurred']).default('recorded');
export const StateQuery = z.strictObject({ at: instant, timeline });
export const DiffQuery = z.strictObject({ from: instant, to: instant, timeline });
export const ActorQuery = z.strictObject({ from: instant.optional(), to: instant.optional(), limit, after: z.string().min(1).max(2000).optional() });
export const CorrelationQuery = z.strictObject({ limit, after: z.string().min(1).max(2000).optional() });
