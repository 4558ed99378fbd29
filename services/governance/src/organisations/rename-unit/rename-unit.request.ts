import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_UNIT_NAME_LENGTH } from '@leerzone/governance-domain';
import { Reason } from '../../shared/governance-fields';

export const RenameUnitRequest = z.strictObject({ name: NameText(MAX_UNIT_NAME_LENGTH), reason: Reason.optional() });
