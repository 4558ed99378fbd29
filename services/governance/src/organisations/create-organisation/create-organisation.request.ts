import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_ORGANISATION_NAME_LENGTH } from '@leerzone/governance-domain';
import { Reason } from '../../shared/governance-fields';

export const CreateOrganisationRequest = z.strictObject({ organisationId: z.uuid().optional(), name: NameText(MAX_ORGANISATION_NAME_LENGTH), reason: Reason.optional() });
