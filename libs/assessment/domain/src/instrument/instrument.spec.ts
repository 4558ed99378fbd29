import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { instrumentDecider } from './instrument.decider';
import type { InstrumentEvent } from './instrument.events';
import type { InstrumentDefinition } from './instrument.model';
import { resolveInstrument } from './instrument.queries';
import { evolveInstrument, initialInstrumentState } from './instrument.state';
import { ABI_TRUSTWORTHINESS_V1 } from './published/abi-trustworthiness.instrument';
import { LEERZONE_STANDARDS_V1 } from './published/leerzone-standards.instrument';
import { PUBLISHED_INSTRUMENTS } from './published/published-instruments';
import { PSYCHOLOGICAL_SAFETY_V1 } from './published/psychological-safety.instrument';

const reversed = (d: InstrumentDefinition) => d.items.filter((i) => i.reverse).map((i) => i.itemId);
const perDimension = (d: InstrumentDefinition) => d.dimensions.map((dim) => d.items.filter((i) => i.dimensionId === dim.dimensionId).length);

describe('published instruments', () => {
  it('psychological safety: Edmondson 1999, 7 items, 1, 3 and 5 reversed, 7 points', () => {
    expect(PSYCHOLOGICAL_SAFETY_V1.items).toHaveLength(7);
    expect(reversed(PSYCHOLOGICAL_SAFETY_V1)).toEqual(['ps-1', 'ps-3', 'ps-5']);
    expect(PSYCHOLOGICAL_SAFETY_V1.scale).toEqual({ points: 7, lowAnchor: 'Very inaccurate', highAnchor: 'Very accurate' });
    expect(PSYCHOLOGICAL_SAFETY_V1.items[0]!.text).toBe('If you make a mistake on this team, it is often held against you.');
    expect(PSYCHOLOGICAL_SAFETY_V1.source).toMatchObject({ kind: 'published', citation: expect.stringContaining('Edmondson, A. C. (1999)') });
  });

  it('ABI: Mayer & Davis 1999, 6/5/6 items, only item 15 reversed, 5 points, about the members of my team', () => {
    expect(ABI_TRUSTWORTHINESS_V1.items).toHaveLength(17);
    expect(perDimension(ABI_TRUSTWORTHINESS_V1)).toEqual([6, 5, 6]);
    expect(reversed(ABI_TRUSTWORTHINESS_V1)).toEqual(['abi-15']);
    expect(ABI_TRUSTWORTHINESS_V1.scale.points).toBe(5);
    expect(ABI_TRUSTWORTHINESS_V1.referent).toBe('the members of my team');
    expect(ABI_TRUSTWORTHINESS_V1.items.every((i) => !/top management/i.test(i.text))).toBe(true);
    expect(ABI_TRUSTWORTHINESS_V1.source).toMatchObject({ kind: 'published', citation: expect.stringContaining('Journal of Applied Psychology, 84(1), 123–136') });
    expect(ABI_TRUSTWORTHINESS_V1.total).toBe('mean-of-dimensions');
  });

  it('standards: Leerzone’s own, height and clarity, marked as not published', () => {
    expect(LEERZONE_STANDARDS_V1.source.kind).toBe('leerzone');
    expect(perDimension(LEERZONE_STANDARDS_V1)).toEqual([3, 3]);
    expect(reversed(LEERZONE_STANDARDS_V1)).toEqual(['std-3', 'std-6']);
  });

  it('have item ids unique across instruments, so one round can ask them all', () => {
    const ids = PUBLISHED_INSTRUMENTS.flatMap((d) => d.items.map((i) => i.itemId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const spec = DeciderSpecification.for(instrumentDecider);
const now = '2026-01-15T09:00:00.000Z';
const input = {
  title: 'Team energy',
  scale: { points: 5, lowAnchor: 'Never', highAnchor: 'Always' },
  dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
  items: [
    { itemId: 'energy-1', dimensionId: 'energy', text: 'I leave work with energy left.', reverse: false },
    { itemId: 'energy-2', dimensionId: 'energy', text: 'Our meetings drain me.', reverse: true },
  ],
  total: 'mean-of-items',
};
const definition = (version: number, title = 'Team energy'): InstrumentDefinition => ({
  instrumentId: 'team-energy',
  version,
  title,
  source: { kind: 'tenant', tenantId: 'tenant-test', note: null },
  referent: null,
  scale: { points: 5, lowAnchor: 'Never', highAnchor: 'Always' },
  dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
  items: input.items,
  total: 'mean-of-items',
});
const defined: InstrumentEvent = { type: 'InstrumentDefined', data: { instrumentId: 'team-energy', definition: definition(1), definedBy: 'user-test', definedAt: now } };

describe('tenant instruments', () => {
  it('defines version 1 of a tenant’s own instrument', () => {
    spec
      .given([])
      .when({ type: 'DefineInstrument', data: { instrumentId: 'team-energy', definition: input } })
      .then([defined]);
  });

  it('keeps the published instruments read-only', () => {
    spec.given([]).when({ type: 'DefineInstrument', data: { instrumentId: 'psychological-safety', definition: input } }).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY', { category: 'forbidden' });
    spec.given([]).when({ type: 'ReviseInstrument', data: { instrumentId: 'abi-trustworthiness', definition: input } }).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY');
    spec.given([]).when({ type: 'RetireInstrument', data: { instrumentId: 'leerzone-standards' } }, { reason: 'x' }).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY');
  });

  it('validates the definition and names the field', () => {
    const define = (overrides: Record<string, unknown>) => ({ type: 'DefineInstrument' as const, data: { instrumentId: 'team-energy', definition: { ...input, ...overrides } } });
    spec.given([]).when(define({ scale: { points: 1, lowAnchor: 'a', highAnchor: 'b' } })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'scale.points' });
    spec.given([]).when(define({ items: [{ ...input.items[0], dimensionId: 'other' }] })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'items[0].dimensionId' });
    spec.given([]).when(define({ items: [{ ...input.items[0], reverse: 'yes' }] })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'items[0].reverse' });
    spec.given([]).when(define({ items: [input.items[0], input.items[0]] })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'items[1].itemId' });
    spec.given([]).when(define({ total: 'sum' })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'total' });
    spec
      .given([])
      .when(define({ dimensions: [...input.dimensions, { dimensionId: 'empty', title: 'Empty' }] }))
      .thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'dimensions' });
    spec.given([]).when({ type: 'DefineInstrument', data: { instrumentId: 'Team Energy', definition: input } }).thenRejects('INSTRUMENT.ID_INVALID', { field: 'instrumentId' });
    spec.given([defined]).when({ type: 'DefineInstrument', data: { instrumentId: 'team-energy', definition: input } }).thenRejects('INSTRUMENT.ALREADY_EXISTS');
  });

  it('revises into a new version and ignores a revision that changes nothing', () => {
    spec
      .given([defined])
      .when({ type: 'ReviseInstrument', data: { instrumentId: 'team-energy', definition: { ...input, title: 'Energy at work' } } }, { reason: 'clearer title' })
      .then([
        {
          type: 'InstrumentRevised',
          data: { instrumentId: 'team-energy', previousVersion: 1, definition: definition(2, 'Energy at work'), revisedBy: 'user-test', revisedAt: now, reason: 'clearer title' },
        },
      ]);
    spec.given([defined]).when({ type: 'ReviseInstrument', data: { instrumentId: 'team-energy', definition: input } }).thenNothingHappens();
  });

  it('retires with a reason, after which it takes no revision', () => {
    const retired: InstrumentEvent = { type: 'InstrumentRetired', data: { instrumentId: 'team-energy', lastVersion: 1, retiredBy: 'user-test', retiredAt: now, reason: 'replaced' } };
    spec.given([defined]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }, { reason: 'replaced' }).then([retired]);
    spec.given([defined]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }).thenRejects('INSTRUMENT.REASON_REQUIRED', { field: 'reason' });
    spec.given([defined, retired]).when({ type: 'ReviseInstrument', data: { instrumentId: 'team-energy', definition: input } }).thenRejects('INSTRUMENT.RETIRED');
  });
});

describe('resolveInstrument', () => {
  const state = evolveInstrument(initialInstrumentState, defined);

  it('finds published versions and tenant versions', () => {
    expect(resolveInstrument({ instrumentId: 'psychological-safety', version: 1 }, null)).toBe(PSYCHOLOGICAL_SAFETY_V1);
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, state)).toEqual(definition(1));
  });

  it('refuses unknown versions, unknown and retired instruments', () => {
    expect(resolveInstrument({ instrumentId: 'psychological-safety', version: 2 }, null)).toMatchObject({ code: 'INSTRUMENT.VERSION_UNKNOWN', field: 'instruments' });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 3 }, state)).toMatchObject({ code: 'INSTRUMENT.VERSION_UNKNOWN' });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, null)).toMatchObject({ code: 'INSTRUMENT.NOT_FOUND' });
    const retired = evolveInstrument(state, { type: 'InstrumentRetired', data: { instrumentId: 'team-energy', lastVersion: 1, retiredBy: 'u', retiredAt: now, reason: 'r' } });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, retired)).toMatchObject({ code: 'INSTRUMENT.RETIRED' });
  });
});
