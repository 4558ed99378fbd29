import { z } from 'zod';
import { csv } from '@leerzone/service-kit';

export const ListProposalsQuery = z.strictObject({ status: csv(z.enum(['open', 'adopted', 'escalated', 'withdrawn', 'lapsed'])).optional() });
