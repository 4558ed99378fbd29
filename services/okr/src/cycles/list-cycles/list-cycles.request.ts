import { z } from 'zod';
import { CYCLE_STATUSES } from '@leerzone/okr-domain';
import { csv, PageQuery } from '@leerzone/service-kit';

export const ListCyclesQuery = z.strictObject({ status: csv(z.enum(CYCLE_STATUSES)).optional(), ...PageQuery });
