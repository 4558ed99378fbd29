import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';

export const AnswerEscalationRequest = z.strictObject({
  /** approve: the decision is recorded (the proposal adopted); decline: it is not, and the reason says why. */
  answer: z.enum(['approve', 'decline']),
  /** Why; required. */
  reason: Reason.optional(),
});
