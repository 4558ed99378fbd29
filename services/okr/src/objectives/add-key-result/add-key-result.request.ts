import { z } from 'zod';
import { Reason } from '../../shared/okr-fields';
import { EntityId, KeyResultTitle, MeasureBody, Weight } from '../objective-fields';

/** Weight optional (default: all equal). Added while the committed objective's cycle runs, it needs a reason. */
export const AddKeyResultRequest = z.strictObject({
  keyResultId: EntityId.optional(),
  title: KeyResultTitle,
  measure: MeasureBody,
  weight: Weight.optional(),
  reason: Reason.optional(),
});
