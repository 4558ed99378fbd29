import { z } from 'zod';
import {
  MAX_SETTING_ESCALATION_TIMEOUT_DAYS,
  MAX_SETTING_MONTHS_IN_PHASE,
  MAX_SETTING_MONTHS_ON_JOURNEY,
  MAX_TIME_BOX_DAYS,
} from '@leerzone/governance-domain';
import { Reason } from '../../shared/governance-fields';

/** Any subset; what is left out keeps its value. */
export const ChangeSettingsRequest = z.strictObject({
  /** A team this many months in one phase has stalled (default 6). */
  maxMonthsInPhase: z.number().int().min(1).max(MAX_SETTING_MONTHS_IN_PHASE).optional(),
  /** A team this many months on its journey has stalled (default 12); not shorter than maxMonthsInPhase. */
  maxMonthsOnJourney: z.number().int().min(1).max(MAX_SETTING_MONTHS_ON_JOURNEY).optional(),
  /** An escalation unanswered this many days is overdue (default 14). */
  escalationTimeoutDays: z.number().int().min(1).max(MAX_SETTING_ESCALATION_TIMEOUT_DAYS).optional(),
  /** A proposal without closesAt is open for objections this many days (default 7). */
  consentDeadlineDays: z.number().int().min(1).max(MAX_TIME_BOX_DAYS).optional(),
  /** Why; required. */
  reason: Reason.optional(),
});
