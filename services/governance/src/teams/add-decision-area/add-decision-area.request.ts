import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_AREA_TITLE_LENGTH } from '@leerzone/governance-domain';
import { Reason, Slug } from '../../shared/governance-fields';

export const AddDecisionAreaRequest = z.strictObject({ area: Slug, title: NameText(MAX_AREA_TITLE_LENGTH), reason: Reason.optional() });
