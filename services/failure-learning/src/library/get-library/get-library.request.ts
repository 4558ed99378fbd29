import { z } from 'zod';
import { FAILURE_KINDS } from '@leerzone/failure-learning-domain';
import { csv, PageQuery } from '@leerzone/service-kit';
import { Tag } from '../../shared/fields';

export const GetLibraryQuery = z.strictObject({ kind: csv(z.enum(FAILURE_KINDS)).optional(), area: csv(Tag).optional(), ...PageQuery });
