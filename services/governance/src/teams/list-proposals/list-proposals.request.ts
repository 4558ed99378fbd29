import { z } from 'zod';
import { csv } from '../../shared/query-params';

export const ListProposalsQuery = z.strictObject({ status: csv(z.enum(['open', 'adopted', 'escalated', 'withdrawn', 'lapsed'])).optional() });
