import { z } from 'zod';
import { Reason, RootId } from '../../shared/okr-fields';

/** `parentObjectiveId`: the proposal answered (default: the open one). Declining needs a reason: the team needs to know why. */
export const AnswerAlignmentRequest = z.strictObject({ parentObjectiveId: RootId.optional(), reason: Reason.optional() });
