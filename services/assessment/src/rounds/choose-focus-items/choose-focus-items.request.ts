import { z } from 'zod';
import { MAX_FOCUS_ITEMS } from '@leerzone/assessment-domain';
import { AssessmentSlug } from '../../shared/assessment-fields';

export const FocusItemBody = z.strictObject({ instrumentId: AssessmentSlug, itemId: AssessmentSlug });
export const ChooseFocusItemsRequest = z.strictObject({ items: z.array(FocusItemBody).min(1).max(MAX_FOCUS_ITEMS) });
