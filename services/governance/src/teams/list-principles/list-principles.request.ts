import { z } from 'zod';

export const ListPrinciplesQuery = z.strictObject({ status: z.enum(['active', 'retired']).optional() });
