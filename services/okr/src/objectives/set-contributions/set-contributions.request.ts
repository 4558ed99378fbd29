import { z } from 'zod';
import { MAX_CONTRIBUTIONS } from '@leerzone/okr-domain';
import { Reason, RootId } from '../../shared/okr-fields';

/** The other objectives this one contributes to, besides its parent: a plain list, no answer needed. */
export const SetContributionsRequest = z.strictObject({ objectiveIds: z.array(RootId).max(MAX_CONTRIBUTIONS), reason: Reason.optional() });
