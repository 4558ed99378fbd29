import { z } from 'zod';
import { csv } from '@leerzone/service-kit';
import { EntityId, Instant, RootId } from '../../shared/okr-fields';

export const SIGNAL_KINDS = ['ambition-too-low', 'committed-missed', 'no-recent-check-in'] as const;

/**
 * `cycleId`: the silence signal for that cycle's objectives (default: every running cycle);
 * `ownerId`: one team's or unit's; `at`: the moment silence is judged (default now).
 */
export const ListSignalsQuery = z.strictObject({
  kind: csv(z.enum(SIGNAL_KINDS)).optional(),
  cycleId: RootId.optional(),
  ownerId: EntityId.optional(),
  at: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().regex(/^\d{1,6}$/, 'Use the `next` of the previous page.').optional(),
});
