import { z } from 'zod';
import { BoundaryBody, Reason } from '../../shared/governance-fields';

/**
 * `{ boundary: { kind: 'financial', title, limit: { amount, currency }, period, decisionArea? }
 *  | { kind: 'legal'|'core-procedure'|'safety', title, description, reference? }, reason }`.
 * The reason is required (400 GOVERNANCE.REASON_REQUIRED without it).
 */
export const SetTeamBoundaryRequest = z.strictObject({ boundary: BoundaryBody, reason: Reason.optional() });
