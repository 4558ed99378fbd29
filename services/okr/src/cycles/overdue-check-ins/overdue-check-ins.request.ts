import { z } from 'zod';
import { PageQuery } from '@leerzone/service-kit';
import { Instant } from '../../shared/okr-fields';

/** `at`: the moment judged (default now) — "which key results will be overdue on Friday?" */
export const OverdueCheckInsQuery = z.strictObject({ at: Instant.optional(), ...PageQuery });
