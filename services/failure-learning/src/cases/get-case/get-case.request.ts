import { z } from 'zod';
import { MAX_ACCESS_PURPOSE_LENGTH } from '@leerzone/failure-learning-domain';
import { NameText } from '@leerzone/service-kit';

/** Why the officer reads the case; recorded with the read. */
export const GetCaseQuery = z.strictObject({ purpose: NameText(MAX_ACCESS_PURPOSE_LENGTH).default('read the case') });
