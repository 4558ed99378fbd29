import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';

export const RevisePrincipleRequest = z.strictObject({ rule: z.string().trim().min(1).max(500), value: z.string().trim().min(1).max(80), reason: Reason.optional() });
