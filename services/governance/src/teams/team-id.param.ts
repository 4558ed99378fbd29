import { z } from 'zod';

export const TeamIdParam = z.strictObject({ teamId: z.uuid() });
