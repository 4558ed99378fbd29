import { z } from 'zod';
import { csv, PageQuery } from '@leerzone/service-kit';

export const ListFollowUpsQuery = z.strictObject({ status: csv(z.enum(['open', 'done', 'not-doing'])).optional(), ...PageQuery });
