import { z } from 'zod';
import { Reason } from '../../shared/okr-fields';
import { KeyResultTitle, MeasureBody, Weight } from '../objective-fields';

/** Omitted fields stay. While the cycle runs, moving a goalpost (kind, start, target, direction, unit, levels, weight) needs a reason and is shown. */
export const RedefineKeyResultRequest = z.strictObject({
  title: KeyResultTitle.optional(),
  measure: MeasureBody.optional(),
  weight: Weight.optional(),
  reason: Reason.optional(),
});
