import { z } from 'zod';
import { Reason, RootId } from '../../shared/okr-fields';

/** Step 3, bottom-up: the one objective of the same cycle this one supports upward. */
export const ProposeAlignmentRequest = z.strictObject({ parentObjectiveId: RootId, reason: Reason.optional() });
