import { z } from 'zod';
import {
  DIRECTIONS,
  MAX_KEY_RESULT_TITLE_LENGTH,
  MAX_KEY_RESULT_WEIGHT,
  MAX_LEVEL_DESCRIPTION_LENGTH,
  MAX_UNIT_LENGTH,
} from '@leerzone/okr-domain';
import { NameText } from '@leerzone/service-kit';
import { EntityId, RootId } from '../shared/okr-fields';

const Level = NameText(MAX_LEVEL_DESCRIPTION_LENGTH);

/** How a key result is measured; the domain checks the rest (a target above the start to increase to it, …). */
export const MeasureBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('numeric'), start: z.number(), target: z.number(), unit: NameText(MAX_UNIT_LENGTH), direction: z.enum(DIRECTIONS) }),
  z.strictObject({ kind: z.literal('percentage'), start: z.number().min(0).max(100), target: z.number().min(0).max(100), direction: z.enum(DIRECTIONS) }),
  z.strictObject({ kind: z.literal('milestone') }),
  z.strictObject({ kind: z.literal('ordinal'), levels: z.strictObject({ commit: Level, target: Level, stretch: Level }) }),
]);

export const KeyResultTitle = NameText(MAX_KEY_RESULT_TITLE_LENGTH);
export const Weight = z.number().positive().max(MAX_KEY_RESULT_WEIGHT);

/** Who could remove a blocker: another team, the coach, or the unit above. Never who caused it. */
export const RemovableBy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('team'), teamId: RootId }),
  z.strictObject({ kind: z.literal('coach') }),
  z.strictObject({ kind: z.literal('unit-above') }),
]);

export { EntityId, RootId };
