import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import type { InstrumentInput } from './instrument-definition.validation';
import {
  MAX_ANCHOR_LENGTH,
  MAX_DIMENSIONS,
  MAX_INSTRUMENT_TITLE_LENGTH,
  MAX_ITEM_TEXT_LENGTH,
  MAX_ITEMS,
  MAX_SCALE_POINTS,
  MIN_SCALE_POINTS,
  parseTenantInstrument,
} from './instrument-definition.validation';
import type { InstrumentDefinition } from './instrument.model';
import { TOTAL_SCORINGS } from './instrument.model';

const identity = { tenantId: 'tenant-a', instrumentId: 'team-energy', version: 3 };
const item = (n: number, dimensionId = 'energy', reverse = false) => ({ itemId: `energy-${n}`, dimensionId, text: `Item ${n}.`, reverse });
const valid: InstrumentInput = {
  title: 'Team energy',
  scale: { points: 5, lowAnchor: 'Never', highAnchor: 'Always' },
  dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
  items: [item(1), item(2, 'energy', true)],
  total: 'mean-of-items',
};
const parse = (overrides: Partial<Record<keyof InstrumentInput, unknown>>) => parseTenantInstrument({ ...valid, ...overrides } as InstrumentInput, identity);
const parsed = (overrides: Partial<Record<keyof InstrumentInput, unknown>> = {}): InstrumentDefinition => {
  const result = parse(overrides);
  if (isRejection(result)) throw new Error(`expected a definition, got ${result.code} on ${String(result.field)}: ${result.message}`);
  return result;
};
/** A refusal reads as a sentence: it starts with its subject, has no gap where a label is missing, and ends. */
const expectSentence = (message: string) => {
  expect(message).toMatch(/^[A-Z]/);
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/\s[.,;]|\s{2}/);
};
/** The refusal, checked for what every caller relies on: the stable code, the category, a field and a sentence. */
const refusal = (overrides: Partial<Record<keyof InstrumentInput, unknown>>): Rejection => {
  const result = parse(overrides);
  if (!isRejection(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  expect(result).toMatchObject({ kind: 'rejection', code: 'INSTRUMENT.DEFINITION_INVALID', category: 'invalid' });
  expectSentence(result.message);
  return result;
};
const fieldOf = (overrides: Partial<Record<keyof InstrumentInput, unknown>>) => refusal(overrides).field;
const scale = (points: unknown) => ({ points, lowAnchor: 'Never', highAnchor: 'Always' });
const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ dimensionId: `dim-${i + 1}`, title: `Dimension ${i + 1}` }));
const itemsFor = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1));

describe('parseTenantInstrument: a valid definition', () => {
  it('becomes the tenant’s definition of the given id and version, texts trimmed, optional texts null when absent', () => {
    expect(parsed({ title: '  Team energy  ' })).toEqual({
      instrumentId: 'team-energy',
      version: 3,
      title: 'Team energy',
      source: { kind: 'tenant', tenantId: 'tenant-a', note: null },
      referent: null,
      scale: { points: 5, lowAnchor: 'Never', highAnchor: 'Always' },
      dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
      items: [
        { itemId: 'energy-1', dimensionId: 'energy', text: 'Item 1.', reverse: false },
        { itemId: 'energy-2', dimensionId: 'energy', text: 'Item 2.', reverse: true },
      ],
      total: 'mean-of-items',
    });
  });

  it('keeps a referent and a note when given, blank ones become null', () => {
    expect(parsed({ referent: ' my team ', note: ' Our own. ' })).toMatchObject({ referent: 'my team', source: { kind: 'tenant', tenantId: 'tenant-a', note: 'Our own.' } });
    expect(parsed({ referent: '   ', note: '' })).toMatchObject({ referent: null, source: { note: null } });
  });

  it('trims anchors, dimension titles and item texts', () => {
    const definition = parsed({
      scale: { points: 5, lowAnchor: ' Never ', highAnchor: ' Always ' },
      dimensions: [{ dimensionId: 'energy', title: ' Energy ' }],
      items: [{ itemId: 'energy-1', dimensionId: 'energy', text: ' Item 1. ', reverse: false }],
    });
    expect(definition.scale).toEqual({ points: 5, lowAnchor: 'Never', highAnchor: 'Always' });
    expect(definition.dimensions).toEqual([{ dimensionId: 'energy', title: 'Energy' }]);
    expect(definition.items).toEqual([{ itemId: 'energy-1', dimensionId: 'energy', text: 'Item 1.', reverse: false }]);
  });

  it('accepts every total scoring', () => {
    expect(TOTAL_SCORINGS).toEqual(['mean-of-dimensions', 'mean-of-items', 'none']);
    for (const total of TOTAL_SCORINGS) expect(parsed({ total }).total).toBe(total);
  });

  it('accepts the scale at its bounds: 2 and 11 points', () => {
    expect(MIN_SCALE_POINTS).toBe(2);
    expect(MAX_SCALE_POINTS).toBe(11);
    expect(parsed({ scale: scale(2) }).scale.points).toBe(2);
    expect(parsed({ scale: scale(11) }).scale.points).toBe(11);
  });

  it(`accepts 1 and ${MAX_DIMENSIONS} dimensions, 1 and ${MAX_ITEMS} items`, () => {
    expect(parsed({ items: [item(1)] }).items).toHaveLength(1);
    const twelve = dims(MAX_DIMENSIONS);
    const oneEach = twelve.map((d, i) => ({ itemId: `q-${i + 1}`, dimensionId: d.dimensionId, text: 'A question.', reverse: false }));
    expect(parsed({ dimensions: twelve, items: oneEach }).dimensions).toHaveLength(MAX_DIMENSIONS);
    expect(parsed({ items: itemsFor(MAX_ITEMS) }).items).toHaveLength(MAX_ITEMS);
  });

  it('lets items of several dimensions come in any order, each kept with its own dimension', () => {
    const definition = parsed({ dimensions: dims(2), items: [item(1, 'dim-2'), item(2, 'dim-1'), item(3, 'dim-2')] });
    expect(definition.items.map((i) => [i.itemId, i.dimensionId])).toEqual([
      ['energy-1', 'dim-2'],
      ['energy-2', 'dim-1'],
      ['energy-3', 'dim-2'],
    ]);
  });
});

describe('parseTenantInstrument: refusals name the field', () => {
  it('the title, referent and note', () => {
    expect(fieldOf({ title: undefined })).toBe('title');
    expect(fieldOf({ title: 'x'.repeat(MAX_INSTRUMENT_TITLE_LENGTH + 1) })).toBe('title');
    expect(fieldOf({ referent: 'x'.repeat(MAX_INSTRUMENT_TITLE_LENGTH + 1) })).toBe('referent');
    expect(fieldOf({ referent: 7 })).toBe('referent');
    expect(fieldOf({ note: 'x'.repeat(1001) })).toBe('note');
    expect(parsed({ note: 'x'.repeat(1000) }).source).toMatchObject({ note: 'x'.repeat(1000) });
  });

  it('a scale that is not an object: missing, null, a number or an array', () => {
    expect(fieldOf({ scale: undefined })).toBe('scale');
    expect(fieldOf({ scale: null })).toBe('scale');
    expect(fieldOf({ scale: 5 })).toBe('scale');
    // An array that carries the right keys is still not a scale.
    expect(fieldOf({ scale: Object.assign([], scale(5)) })).toBe('scale');
  });

  it('points that are not a whole number from 2 to 11', () => {
    for (const points of [1, 12, 0, -5, 4.5, '5', null, undefined, Number.NaN]) {
      expect(fieldOf({ scale: scale(points) })).toBe('scale.points');
    }
  });

  it('anchors that are missing, blank or too long', () => {
    expect(fieldOf({ scale: { points: 5, highAnchor: 'Always' } })).toBe('scale.lowAnchor');
    expect(fieldOf({ scale: { points: 5, lowAnchor: ' ', highAnchor: 'Always' } })).toBe('scale.lowAnchor');
    expect(fieldOf({ scale: { points: 5, lowAnchor: 'Never' } })).toBe('scale.highAnchor');
    expect(fieldOf({ scale: { points: 5, lowAnchor: 'Never', highAnchor: 'x'.repeat(MAX_ANCHOR_LENGTH + 1) } })).toBe('scale.highAnchor');
    expect(parsed({ scale: { points: 5, lowAnchor: 'x'.repeat(MAX_ANCHOR_LENGTH), highAnchor: 'Always' } }).scale.lowAnchor).toHaveLength(MAX_ANCHOR_LENGTH);
  });

  it(`dimensions that are not a list of 1 to ${MAX_DIMENSIONS}`, () => {
    expect(fieldOf({ dimensions: [] })).toBe('dimensions');
    expect(fieldOf({ dimensions: undefined })).toBe('dimensions');
    expect(fieldOf({ dimensions: { dimensionId: 'energy', title: 'Energy' } })).toBe('dimensions');
    expect(fieldOf({ dimensions: dims(MAX_DIMENSIONS + 1) })).toBe('dimensions');
  });

  it('a dimension without a slug id, with an id used twice, or without a title — at its index', () => {
    expect(fieldOf({ dimensions: [null] })).toBe('dimensions[0].dimensionId');
    expect(fieldOf({ dimensions: ['energy'] })).toBe('dimensions[0].dimensionId');
    expect(fieldOf({ dimensions: [{ dimensionId: 'energy', title: 'Energy' }, Object.assign([], { dimensionId: 'other', title: 'Other' })] })).toBe('dimensions[1].dimensionId');
    expect(fieldOf({ dimensions: [{ dimensionId: 'energy', title: 'Energy' }, { dimensionId: 'Not A Slug', title: 'x' }] })).toBe('dimensions[1].dimensionId');
    const twice = refusal({ dimensions: [{ dimensionId: 'energy', title: 'Energy' }, { dimensionId: 'energy', title: 'Again' }] });
    expect(twice.field).toBe('dimensions[1].dimensionId');
    expect(twice.message).toContain('energy');
    expect(fieldOf({ dimensions: [{ dimensionId: 'energy', title: 'Energy' }, { dimensionId: 'other' }] })).toBe('dimensions[1].title');
    expect(fieldOf({ dimensions: [{ dimensionId: 'energy', title: 'x'.repeat(MAX_INSTRUMENT_TITLE_LENGTH + 1) }] })).toBe('dimensions[0].title');
  });

  it(`items that are not a list of 1 to ${MAX_ITEMS}`, () => {
    expect(fieldOf({ items: [] })).toBe('items');
    expect(fieldOf({ items: undefined })).toBe('items');
    expect(fieldOf({ items: item(1) })).toBe('items');
    expect(fieldOf({ items: itemsFor(MAX_ITEMS + 1) })).toBe('items');
  });

  it('an item without a slug id or with an id used twice — at its index', () => {
    expect(fieldOf({ items: [null] })).toBe('items[0].itemId');
    expect(fieldOf({ items: [item(1), 'energy-2'] })).toBe('items[1].itemId');
    expect(fieldOf({ items: [item(1), Object.assign([], item(2))] })).toBe('items[1].itemId');
    expect(fieldOf({ items: [item(1), { ...item(2), itemId: 'Energy 2' }] })).toBe('items[1].itemId');
    const twice = refusal({ items: [item(1), item(2), item(1)] });
    expect(twice.field).toBe('items[2].itemId');
    expect(twice.message).toContain('energy-1');
  });

  it('an item of a dimension the instrument does not have, or of none', () => {
    const unknown = refusal({ items: [item(1), item(2, 'other')] });
    expect(unknown.field).toBe('items[1].dimensionId');
    expect(unknown.message).toContain('energy-2');
    const { dimensionId: _none, ...withoutDimension } = item(1);
    expect(fieldOf({ items: [withoutDimension] })).toBe('items[0].dimensionId');
  });

  it('an item without text, with text too long, or without a boolean reverse flag', () => {
    const { text: _text, ...withoutText } = item(1);
    expect(fieldOf({ items: [item(2), withoutText] })).toBe('items[1].text');
    expect(fieldOf({ items: [{ ...item(1), text: '  ' }] })).toBe('items[0].text');
    expect(fieldOf({ items: [{ ...item(1), text: 'x'.repeat(MAX_ITEM_TEXT_LENGTH + 1) }] })).toBe('items[0].text');
    expect(parsed({ items: [{ ...item(1), text: 'x'.repeat(MAX_ITEM_TEXT_LENGTH) }] }).items[0]!.text).toHaveLength(MAX_ITEM_TEXT_LENGTH);
    const { reverse: _reverse, ...withoutReverse } = item(1);
    const noFlag = refusal({ items: [item(2), withoutReverse] });
    expect(noFlag.field).toBe('items[1].reverse');
    expect(noFlag.message).toContain('energy-1');
    for (const reverse of ['true', 1, 0, null]) expect(fieldOf({ items: [{ ...item(1), reverse }] })).toBe('items[0].reverse');
  });

  it('a dimension without any item, naming every empty dimension', () => {
    const empty = refusal({ dimensions: [...dims(3), { dimensionId: 'energy', title: 'Energy' }] });
    expect(empty.field).toBe('dimensions');
    expect(empty.message).toContain('dim-1, dim-2, dim-3');
    // The last dimension empty is caught as well as the first.
    expect(fieldOf({ dimensions: [{ dimensionId: 'energy', title: 'Energy' }, { dimensionId: 'last', title: 'Last' }] })).toBe('dimensions');
  });

  it('a total that is not one of the scorings', () => {
    for (const total of ['sum', '', undefined, null, 'MEAN-OF-ITEMS']) expect(fieldOf({ total })).toBe('total');
    // The refusal tells the caller what is accepted.
    expect(refusal({ total: 'sum' }).message).toContain(TOTAL_SCORINGS.join(', '));
  });

  it('reports the first problem in reading order: title, then scale, dimensions, items, total', () => {
    expect(fieldOf({ title: '', scale: null, dimensions: [], items: [], total: 'sum' })).toBe('title');
    expect(fieldOf({ scale: null, dimensions: [], items: [], total: 'sum' })).toBe('scale');
    expect(fieldOf({ dimensions: [], items: [], total: 'sum' })).toBe('dimensions');
    expect(fieldOf({ items: [], total: 'sum' })).toBe('items');
  });
});
