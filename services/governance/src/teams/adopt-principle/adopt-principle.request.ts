import { z } from 'zod';
import { NameText, FreeText } from '@leerzone/service-kit';
import { MAX_PRINCIPLE_RULE_LENGTH, MAX_PRINCIPLE_VALUE_LENGTH } from '@leerzone/governance-domain';
import { EntityId, Reason } from '../../shared/governance-fields';

/** A concrete rule to live by ("I am always honest, even when the truth is uncomfortable") and the value it expresses ("integrity"). */
export const AdoptPrincipleRequest = z.strictObject({
  principleId: EntityId.optional(),
  rule: FreeText(MAX_PRINCIPLE_RULE_LENGTH),
  value: NameText(MAX_PRINCIPLE_VALUE_LENGTH),
  reason: Reason.optional(),
});
