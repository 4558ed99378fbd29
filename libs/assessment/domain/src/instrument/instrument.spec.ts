import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { instrumentDecider, instrumentStreamId } from './instrument.decider';
import type { InstrumentEvent } from './instrument.events';
import type { InstrumentDefinition } from './instrument.model';
import { refOf } from './instrument.model';
import { currentVersion, resolveInstrument } from './instrument.queries';
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
    spec.given([]).when({ type: 'DefineInstrument', data: { instrumentId: 'Team Energy', definition: input } }).thenRejects('INSTRUMENT.ID_INVALID', { category: 'invalid', field: 'instrumentId' });
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

/** A refusal reads as a sentence: it starts with its subject, has no gap where a label or an action is missing, and ends. */
const expectSentence = (message: string) => {
  expect(message).toMatch(/^[A-Z]/);
  expect(message).toMatch(/\.$/);
  expect(message).not.toMatch(/\s[.,;:]|\s{2}/);
};

describe('tenant instruments at the edges', () => {
  const revise = (instrumentId: string, overrides: Record<string, unknown> = {}) => ({
    type: 'ReviseInstrument' as const,
    data: { instrumentId, definition: { ...input, ...overrides } },
  });
  const revised = (previousVersion: number, title: string, reason: string | null): InstrumentEvent => ({
    type: 'InstrumentRevised',
    data: { instrumentId: 'team-energy', previousVersion, definition: definition(previousVersion + 1, title), revisedBy: 'user-test', revisedAt: now, reason },
  });
  const retired = (lastVersion: number): InstrumentEvent => ({
    type: 'InstrumentRetired',
    data: { instrumentId: 'team-energy', lastVersion, retiredBy: 'user-test', retiredAt: now, reason: 'replaced' },
  });

  it('refuses every command on a published id, naming the instrument id, before looking at the stream', () => {
    for (const instrumentId of PUBLISHED_INSTRUMENTS.map((d) => d.instrumentId)) {
      spec.given([]).when({ type: 'DefineInstrument', data: { instrumentId, definition: input } }).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY', { category: 'forbidden', field: 'instrumentId' });
      spec.given([]).when(revise(instrumentId)).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY', { category: 'forbidden', field: 'instrumentId' });
      spec.given([]).when({ type: 'RetireInstrument', data: { instrumentId } }, { reason: 'x' }).thenRejects('INSTRUMENT.PUBLISHED_READ_ONLY', { category: 'forbidden', field: 'instrumentId' });
    }
  });

  it('refuses a second definition of an existing id as a conflict on instrumentId', () => {
    spec.given([defined]).when({ type: 'DefineInstrument', data: { instrumentId: 'team-energy', definition: input } }).thenRejects('INSTRUMENT.ALREADY_EXISTS', { category: 'conflict', field: 'instrumentId' });
    spec.given([defined, retired(1)]).when({ type: 'DefineInstrument', data: { instrumentId: 'team-energy', definition: input } }).thenRejects('INSTRUMENT.ALREADY_EXISTS', { category: 'conflict' });
    spec.given([]).when({ type: 'DefineInstrument', data: { instrumentId: 'team-energy', definition: { ...input, total: 'sum' } } }).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'total' });
  });

  it('refuses a revision with a malformed id, of an instrument that does not exist, or with an invalid definition', () => {
    expectSentence(spec.given([]).when(revise('')).thenRejects('INSTRUMENT.ID_INVALID', { category: 'invalid', field: 'instrumentId' }).message);
    spec.given([]).when(revise(' team-energy')).thenRejects('INSTRUMENT.ID_INVALID', { field: 'instrumentId' });
    spec.given([]).when(revise('team-energy')).thenRejects('INSTRUMENT.NOT_FOUND', { category: 'not-found', field: 'instrumentId' });
    // The stream holds another instrument: this id still does not exist.
    spec.given([defined]).when(revise('team-mood')).thenRejects('INSTRUMENT.NOT_FOUND', { category: 'not-found', field: 'instrumentId' });
    spec.given([defined]).when(revise('team-energy', { total: 'sum' })).thenRejects('INSTRUMENT.DEFINITION_INVALID', { field: 'total' });
  });

  it('refuses a revision or a retirement of a retired instrument, naming the instrument id', () => {
    spec.given([defined, retired(1)]).when(revise('team-energy', { title: 'New' })).thenRejects('INSTRUMENT.RETIRED', { category: 'precondition', field: 'instrumentId' });
    spec.given([defined, retired(1)]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }, { reason: 'again' }).thenRejects('INSTRUMENT.RETIRED', { category: 'precondition', field: 'instrumentId' });
  });

  it('refuses to retire what does not exist, even with a reason', () => {
    spec.given([]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }, { reason: 'replaced' }).thenRejects('INSTRUMENT.NOT_FOUND', { category: 'not-found', field: 'instrumentId' });
    spec.given([defined]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-mood' } }, { reason: 'replaced' }).thenRejects('INSTRUMENT.NOT_FOUND', { field: 'instrumentId' });
    const noReason = spec.given([defined]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }, { reason: '   ' }).thenRejects('INSTRUMENT.REASON_REQUIRED', { category: 'invalid', field: 'reason' });
    expectSentence(noReason.message);
  });

  it('numbers each revision after the last version and keeps the reason trimmed, or null when there is none', () => {
    spec.given([defined]).when(revise('team-energy', { title: 'Energy at work' })).then([revised(1, 'Energy at work', null)]);
    spec.given([defined]).when(revise('team-energy', { title: 'Energy at work' }), { reason: '   ' }).then([revised(1, 'Energy at work', null)]);
    spec.given([defined]).when(revise('team-energy', { title: 'Energy at work' }), { reason: '  clearer  ' }).then([revised(1, 'Energy at work', 'clearer')]);
    const second = revised(1, 'Energy at work', null);
    spec.given([defined, second]).when(revise('team-energy', { title: 'Energy' }), { reason: 'shorter' }).then([revised(2, 'Energy', 'shorter')]);
    // Compared with the last version, not the first: going back to version 1's wording is a change.
    spec.given([defined, second]).when(revise('team-energy')).then([revised(2, 'Team energy', null)]);
    spec.given([defined, second]).when(revise('team-energy', { title: 'Energy at work' })).thenNothingHappens();
    spec.given([defined, second]).when({ type: 'RetireInstrument', data: { instrumentId: 'team-energy' } }, { reason: 'replaced' }).then([retired(2)]);
  });
});

describe('instrument state and queries', () => {
  it('starts empty', () => {
    expect(initialInstrumentState).toEqual({ exists: false, instrumentId: null, versions: [], retiredAt: null });
    expect(currentVersion(initialInstrumentState)).toBeNull();
  });

  it('keeps every version, oldest first, and the retirement time', () => {
    const v1 = evolveInstrument(initialInstrumentState, defined);
    expect(v1).toEqual({ exists: true, instrumentId: 'team-energy', versions: [definition(1)], retiredAt: null });
    expect(currentVersion(v1)).toEqual(definition(1));
    const v2 = evolveInstrument(v1, {
      type: 'InstrumentRevised',
      data: { instrumentId: 'team-energy', previousVersion: 1, definition: definition(2, 'Energy'), revisedBy: 'u', revisedAt: now, reason: null },
    });
    expect(v2).toEqual({ exists: true, instrumentId: 'team-energy', versions: [definition(1), definition(2, 'Energy')], retiredAt: null });
    expect(currentVersion(v2)).toEqual(definition(2, 'Energy'));
    const gone = evolveInstrument(v2, { type: 'InstrumentRetired', data: { instrumentId: 'team-energy', lastVersion: 2, retiredBy: 'u', retiredAt: '2026-02-01T00:00:00.000Z', reason: 'r' } });
    expect(gone).toEqual({ ...v2, retiredAt: '2026-02-01T00:00:00.000Z' });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, v2)).toEqual(definition(1));
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 2 }, v2)).toEqual(definition(2, 'Energy'));
  });

  it('refuses an event or a command it does not know instead of ignoring it', () => {
    expect(() => evolveInstrument(initialInstrumentState, { type: 'InstrumentRenamed', data: {} } as unknown as InstrumentEvent)).toThrow();
    expect(() => instrumentDecider.decide({ type: 'RenameInstrument', data: {} } as never, initialInstrumentState, {} as never)).toThrow();
  });

  it('keeps a tenant instrument in its own stream per tenant and id', () => {
    expect(instrumentStreamId('acme', 'team-energy')).toBe('assessment-instrument-4:acme:team-energy');
    expect(instrumentStreamId('acme', 'team-energy')).not.toBe(instrumentStreamId('acme2', 'team-energy'));
  });

  it('refers to a definition by id and version', () => {
    expect(refOf(definition(2))).toEqual({ instrumentId: 'team-energy', version: 2 });
    expect(refOf(PSYCHOLOGICAL_SAFETY_V1)).toEqual({ instrumentId: 'psychological-safety', version: 1 });
  });

  it('resolves refusals onto the caller’s field, naming the instrument', () => {
    const state = evolveInstrument(initialInstrumentState, defined);
    const retiredState = evolveInstrument(state, { type: 'InstrumentRetired', data: { instrumentId: 'team-energy', lastVersion: 1, retiredBy: 'u', retiredAt: now, reason: 'r' } });
    const cases: [ReturnType<typeof resolveInstrument>, string, string][] = [
      [resolveInstrument({ instrumentId: 'psychological-safety', version: 2 }, null, 'instruments[0]'), 'INSTRUMENT.VERSION_UNKNOWN', 'not-found'],
      [resolveInstrument({ instrumentId: 'team-energy', version: 2 }, state, 'instruments[0]'), 'INSTRUMENT.VERSION_UNKNOWN', 'not-found'],
      [resolveInstrument({ instrumentId: 'team-energy', version: 1 }, initialInstrumentState, 'instruments[0]'), 'INSTRUMENT.NOT_FOUND', 'not-found'],
      [resolveInstrument({ instrumentId: 'team-mood', version: 1 }, state, 'instruments[0]'), 'INSTRUMENT.NOT_FOUND', 'not-found'],
      [resolveInstrument({ instrumentId: 'team-energy', version: 1 }, retiredState, 'instruments[0]'), 'INSTRUMENT.RETIRED', 'precondition'],
    ];
    for (const [result, code, category] of cases) {
      expect(result).toMatchObject({ kind: 'rejection', code, category, field: 'instruments[0]' });
      const message = (result as { message: string }).message;
      expect(message).toMatch(/team-energy|team-mood|psychological-safety/);
      expectSentence(message);
    }
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, retiredState)).toMatchObject({ code: 'INSTRUMENT.RETIRED', field: 'instruments' });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 1 }, null)).toMatchObject({ code: 'INSTRUMENT.NOT_FOUND', field: 'instruments' });
    expect(resolveInstrument({ instrumentId: 'team-energy', version: 9 }, state)).toMatchObject({ code: 'INSTRUMENT.VERSION_UNKNOWN', field: 'instruments' });
    // A published id is never read from a tenant's stream, whatever the stream holds.
    expect(resolveInstrument({ instrumentId: 'psychological-safety', version: 1 }, state)).toBe(PSYCHOLOGICAL_SAFETY_V1);
  });
});
