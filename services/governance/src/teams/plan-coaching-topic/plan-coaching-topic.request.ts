import { z } from 'zod';
import { Reason, Slug } from '../../shared/governance-fields';

/** Topics such as budgeting, planning, giving-feedback (any slug). */
export const PlanCoachingTopicRequest = z.strictObject({ topic: Slug, goal: z.string().trim().max(1000).optional(), reason: Reason.optional() });
