import { z } from 'zod';

// The kernel's stream-id rule, so a bad id is a 400 here rather than a store error.
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const ID = z.string().trim().min(1).max(200);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const limit = z.coerce.number().int().min(1).max(500).default(100);

export const StreamParams = z.strictObject({
  streamId: z.string().regex(STREAM_ID, 'A stream id is 1-200 letters, digits and . _ : - starting with a letter or digit.'),
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
