import type { Rejection } from '@leerzone/kernel';
import { isRejection, optionalText, reject, requiredText } from '@leerzone/kernel';
import { isSlug } from '../shared/assessment.constants';
import type { InstrumentDefinition, InstrumentDimension, InstrumentItem, TotalScoring } from './instrument.model';
import { TOTAL_SCORINGS } from './instrument.model';

export const MIN_SCALE_POINTS = 2;
export const MAX_SCALE_POINTS = 11;
export const MAX_DIMENSIONS = 12;
export const MAX_ITEMS = 60;
export const MAX_INSTRUMENT_TITLE_LENGTH = 120;
export const MAX_ITEM_TEXT_LENGTH = 300;
export const MAX_ANCHOR_LENGTH = 60;

/** A tenant's instrument as it arrives from HTTP; every field is checked. */
export interface InstrumentInput {
  readonly title: unknown;
  readonly referent?: unknown;
  readonly note?: unknown;
  readonly scale: unknown;
  readonly dimensions: unknown;
  readonly items: unknown;
  readonly total: unknown;
}

const CODE = 'INSTRUMENT.DEFINITION_INVALID';
const invalid = (field: string, message: string, details?: Record<string, unknown>): Rejection => reject('invalid', CODE, message, { field, details });
const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function parseScale(value: unknown): InstrumentDefinition['scale'] | Rejection {
  const scale = record(value);
  if (!scale) return invalid('scale', 'The scale needs points, lowAnchor and highAnchor.');
  const points = scale['points'];
  if (typeof points !== 'number' || !Number.isInteger(points) || points < MIN_SCALE_POINTS || points > MAX_SCALE_POINTS) {
    return invalid('scale.points', `A scale has a whole number of points from ${MIN_SCALE_POINTS} to ${MAX_SCALE_POINTS}.`);
  }
  const lowAnchor = requiredText(scale['lowAnchor'], { field: 'scale.lowAnchor', code: CODE, label: 'the low anchor', max: MAX_ANCHOR_LENGTH });
  if (isRejection(lowAnchor)) return lowAnchor;
  const highAnchor = requiredText(scale['highAnchor'], { field: 'scale.highAnchor', code: CODE, label: 'the high anchor', max: MAX_ANCHOR_LENGTH });
  if (isRejection(highAnchor)) return highAnchor;
  return { points, lowAnchor, highAnchor };
}

function parseDimensions(value: unknown): InstrumentDimension[] | Rejection {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_DIMENSIONS) {
    return invalid('dimensions', `An instrument has 1 to ${MAX_DIMENSIONS} dimensions.`);
  }
  const dimensions: InstrumentDimension[] = [];
  for (const [i, raw] of value.entries()) {
    const dimension = record(raw);
    const dimensionId = dimension?.['dimensionId'];
    if (!isSlug(dimensionId)) return invalid(`dimensions[${i}].dimensionId`, 'A dimension id is a lower-case slug such as ability.');
    if (dimensions.some((d) => d.dimensionId === dimensionId)) return invalid(`dimensions[${i}].dimensionId`, `Dimension ${dimensionId} appears twice.`);
    const title = requiredText(dimension?.['title'], { field: `dimensions[${i}].title`, code: CODE, label: 'the dimension title', max: MAX_INSTRUMENT_TITLE_LENGTH });
    if (isRejection(title)) return title;
    dimensions.push({ dimensionId, title });
  }
  return dimensions;
}

function parseItems(value: unknown, dimensions: readonly InstrumentDimension[]): InstrumentItem[] | Rejection {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ITEMS) return invalid('items', `An instrument has 1 to ${MAX_ITEMS} items.`);
  const items: InstrumentItem[] = [];
  for (const [i, raw] of value.entries()) {
    const item = record(raw);
    const itemId = item?.['itemId'];
    if (!isSlug(itemId)) return invalid(`items[${i}].itemId`, 'An item id is a lower-case slug such as team-1.');
    if (items.some((existing) => existing.itemId === itemId)) return invalid(`items[${i}].itemId`, `Item ${itemId} appears twice.`);
    const dimensionId = item?.['dimensionId'];
    if (!dimensions.some((d) => d.dimensionId === dimensionId)) return invalid(`items[${i}].dimensionId`, `Item ${itemId} belongs to a dimension the instrument does not have.`);
    const text = requiredText(item?.['text'], { field: `items[${i}].text`, code: CODE, label: 'the item text', max: MAX_ITEM_TEXT_LENGTH });
    if (isRejection(text)) return text;
    const reverse = item?.['reverse'];
    if (typeof reverse !== 'boolean') return invalid(`items[${i}].reverse`, `Say whether item ${itemId} is reverse-scored (true or false).`);
    items.push({ itemId, dimensionId: dimensionId as string, text, reverse });
  }
  const empty = dimensions.filter((d) => !items.some((item) => item.dimensionId === d.dimensionId));
  if (empty.length > 0) return invalid('dimensions', `Every dimension needs at least one item; ${empty.map((d) => d.dimensionId).join(', ')} has none.`);
  return items;
}

/** A tenant's instrument, validated into a definition of the given id and version. */
export function parseTenantInstrument(input: InstrumentInput, identity: { tenantId: string; instrumentId: string; version: number }): InstrumentDefinition | Rejection {
  const title = requiredText(input.title, { field: 'title', code: CODE, label: 'the title', max: MAX_INSTRUMENT_TITLE_LENGTH });
  if (isRejection(title)) return title;
  const referent = optionalText(input.referent, { field: 'referent', code: CODE, label: 'the referent', max: MAX_INSTRUMENT_TITLE_LENGTH });
  if (isRejection(referent)) return referent;
  const note = optionalText(input.note, { field: 'note', code: CODE, label: 'the note', max: 1000 });
  if (isRejection(note)) return note;
  const scale = parseScale(input.scale);
  if (isRejection(scale)) return scale;
  const dimensions = parseDimensions(input.dimensions);
  if (isRejection(dimensions)) return dimensions;
  const items = parseItems(input.items, dimensions);
  if (isRejection(items)) return items;
  if (!(TOTAL_SCORINGS as readonly unknown[]).includes(input.total)) return invalid('total', `The total is one of ${TOTAL_SCORINGS.join(', ')}.`);
  return {
    instrumentId: identity.instrumentId,
    version: identity.version,
    title,
    source: { kind: 'tenant', tenantId: identity.tenantId, note },
    referent,
    scale,
    dimensions,
    items,
    total: input.total as TotalScoring,
  };
}
