import { z } from 'zod';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@leerzone/assessment-domain';
import { EntityId, ReasonText, RootId } from '@leerzone/service-kit';

export { EntityId, Instant, IsoDate, RootId } from '@leerzone/service-kit';

/** Why a change was made, where the domain requires one (threshold, group, drop, retire, settings). */
export const MAX_REASON_LENGTH = 2000;
export const Reason = ReasonText(MAX_REASON_LENGTH);
export const ReasonOnly = z.strictObject({ reason: Reason.optional() });

/** Instrument, dimension and item ids and task names: the domain's slug rule. */
export const AssessmentSlug = z.string().max(MAX_SLUG_LENGTH).regex(SLUG_PATTERN, 'Use a lower-case slug such as psychological-safety.');

export const RoundIdParam = z.strictObject({ roundId: RootId });
export const RoundActionParams = z.strictObject({ roundId: RootId, actionId: EntityId });
export const TeamIdParam = z.strictObject({ teamId: RootId });
export const TeamMemberParams = z.strictObject({ teamId: RootId, memberId: EntityId });
export const TeamMemberTaskParams = z.strictObject({ teamId: RootId, memberId: EntityId, task: AssessmentSlug });
export const InstrumentIdParam = z.strictObject({ instrumentId: AssessmentSlug });
export const InstrumentVersionParams = z.strictObject({ instrumentId: AssessmentSlug, version: z.coerce.number().int().min(1).max(10_000) });
