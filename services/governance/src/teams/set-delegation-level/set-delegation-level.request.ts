import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';

/** 1 Tell, 2 Sell, 3 Consult, 4 Agree, 5 Advise, 6 Inquire, 7 Delegate; the reason is required. */
export const SetDelegationLevelRequest = z.strictObject({ level: z.number().int().min(1).max(7), reason: Reason.optional() });
