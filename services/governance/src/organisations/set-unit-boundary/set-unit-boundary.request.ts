import { z } from 'zod';
import { BoundaryBody, Reason } from '../../shared/governance-fields';

/** Same boundary shape as a team's; the reason is required. */
export const SetUnitBoundaryRequest = z.strictObject({ boundary: BoundaryBody, reason: Reason.optional() });
