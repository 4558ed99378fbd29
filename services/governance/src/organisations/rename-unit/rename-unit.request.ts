import { z } from 'zod';
import { Reason } from '../../shared/governance-fields';

export const RenameUnitRequest = z.strictObject({ name: z.string().trim().min(1).max(120), reason: Reason.optional() });
