import fc from 'fast-check';
import { Context } from 'mingo';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { Document, Filter } from './projection-store.port';
import { compileSimpleFilter, UNDECIDED } from './simple-filter';

/**
 * The plain-JavaScript test must give mingo's (MongoDB's) answer for every document it
 * decides, and leave every document with an array or object where it looks undecided.
 */

const mingo = (filter: Filter): Query => new Query(filter as Record<string, unknown>, { context: Context.init({ query: queryOperators }) });

const scalar = fc.oneof(fc.constantFrom('a', 'b', '1', '', 'true'), fc.constantFrom(0, 1, 1.5, -0, 2), fc.boolean());
const stored = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 2 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.array(fc.record({ x: scalar }), { maxLength: 2 }) },
);
const documentArbitrary = fc.record({ status: stored, deleted: stored, meta: stored }, { requiredKeys: [] }).map((fields): Document => ({ _id: 'd', ...fields }));

const path = fc.constantFrom('status', 'deleted', 'meta', 'meta.x', 'meta.y', 'missing', 'status.x');
const condition: fc.Arbitrary<Filter> = fc.oneof(
  fc.tuple(path, scalar).map(([p, v]): Filter => ({ [p]: v })),
  fc.tuple(path, scalar).map(([p, v]): Filter => ({ [p]: { $eq: v } })),
  fc.tuple(path, scalar).map(([p, v]): Filter => ({ [p]: { $ne: v } })),
  fc.tuple(path, scalar, scalar).map(([p, v, w]): Filter => ({ [p]: { $ne: v, $eq: w } })),
);
const filterArbitrary: fc.Arbitrary<Filter> = fc.oneof(
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((conditions): Filter => Object.assign({}, ...conditions)),
  fc.array(condition, { minLength: 1, maxLength: 3 }).map((conditions): Filter => ({ $and: conditions })),
  fc.tuple(condition, condition, condition).map(([a, b, c]): Filter => ({ ...a, $and: [b, { $and: [c] }] })),
);

describe('the in-memory store’s plain-JavaScript filter test', () => {
  it('answers as mingo does wherever it decides, over scalars, nulls, missing fields, arrays and objects', () => {
    fc.assert(
      fc.property(filterArbitrary, fc.array(documentArbitrary, { minLength: 1, maxLength: 8 }), (filter, documents) => {
        const simple = compileSimpleFilter(filter)!;
        expect(simple).toBeDefined();
        const full = mingo(filter);
        for (const document of documents) {
          const answer = simple(document);
          if (answer !== UNDECIDED) expect(answer).toBe(full.test(document));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('decides every document whose fields are scalars, null or missing, and no array it looks into', () => {
    const notDeleted = compileSimpleFilter({ $and: [{ tenantId: 'acme' }, { _deleted: { $ne: true } }] })!;
    expect(notDeleted({ _id: 'a', tenantId: 'acme' })).toBe(true);
    expect(notDeleted({ _id: 'a', tenantId: 'acme', _deleted: false })).toBe(true);
    expect(notDeleted({ _id: 'a', tenantId: 'acme', _deleted: true })).toBe(false);
    expect(notDeleted({ _id: 'a', tenantId: 'globex' })).toBe(false);
    expect(notDeleted({ _id: 'a', tenantId: 1 })).toBe(false);
    expect(notDeleted({ _id: 'a', tenantId: null })).toBe(false);
    // An array where it looks: "an element equals" is mingo's to decide; a false condition elsewhere still decides.
    expect(notDeleted({ _id: 'a', tenantId: ['acme'] })).toBe(UNDECIDED);
    expect(notDeleted({ _id: 'a', tenantId: ['acme'], _deleted: true })).toBe(false);
    expect(compileSimpleFilter({ 'owner.id': 'u1' })!({ _id: 'a', owner: { id: 'u1' } })).toBe(true);
    expect(compileSimpleFilter({ 'owner.id': 'u1' })!({ _id: 'a', owner: [{ id: 'u1' }] })).toBe(UNDECIDED);
    expect(compileSimpleFilter({})!({ _id: 'a' })).toBe(true);
  });

  it('leaves every other filter to mingo', () => {
    for (const filter of [
      { status: null },
      { status: { $in: ['a'] } },
      { status: { $gt: 1 } },
      { status: { $ne: null } },
      { status: /a/ },
      { status: ['a'] },
      { status: { x: 1 } },
      { status: {} },
      { $or: [{ status: 'a' }] },
      { $and: [{ status: 'a' }, { status: { $exists: true } }] },
    ] as Filter[]) {
      expect(compileSimpleFilter(filter)).toBeUndefined();
    }
  });
});
