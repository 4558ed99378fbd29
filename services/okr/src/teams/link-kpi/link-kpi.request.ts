import { z } from 'zod';
import { Reason, RootId } from '../../shared/okr-fields';

export const LinkKpiRequest = z.strictObject({ objectiveId: RootId, reason: Reason.optional() });
