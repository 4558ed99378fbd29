import { z } from 'zod';
import { MAX_FACTOR_LABEL_LENGTH } from '@leerzone/failure-learning-domain';
import { NameText } from '@leerzone/service-kit';
import { Tag } from '../../shared/fields';

export const AddContributingFactorRequest = z.strictObject({ factor: Tag, label: NameText(MAX_FACTOR_LABEL_LENGTH) });
