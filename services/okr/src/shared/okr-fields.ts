import { z } from 'zod';
import { MAX_REASON_LENGTH } from '@leerzone/okr-domain';
import { ReasonText } from '@leerzone/service-kit';

export { EntityId, Instant, IsoDate, RootId } from '@leerzone/service-kit';

/** Why a change was made. Where the domain requires one (a goalpost moved mid-cycle), a missing reason is a 400 on `reason`. */
export const Reason = ReasonText(MAX_REASON_LENGTH);

/** `{ reason }`: the body of commands that only need a why. Optional: `X-Reason` works too. */
export const ReasonOnly = z.strictObject({ reason: Reason.optional() });
