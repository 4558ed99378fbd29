import { z } from 'zod';
import { Reason, Slug } from '../../shared/governance-fields';

export const AddDecisionAreaRequest = z.strictObject({ area: Slug, title: z.string().trim().min(1).max(120), reason: Reason.optional() });
