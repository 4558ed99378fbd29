import { z } from 'zod';
import { NameText, FreeText } from '@leerzone/service-kit';
import { MAX_PRINCIPLE_RULE_LENGTH, MAX_PRINCIPLE_VALUE_LENGTH } from '@leerzone/governance-domain';
import { Reason } from '../../shared/governance-fields';

export const RevisePrincipleRequest = z.strictObject({ rule: FreeText(MAX_PRINCIPLE_RULE_LENGTH), value: NameText(MAX_PRINCIPLE_VALUE_LENGTH), reason: Reason.optional() });
