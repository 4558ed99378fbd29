import fc from 'fast-check';
import * as mingoOperators from 'mingo/operators/update';
import type { Update } from './projection-store.port';
import { applyUpdateOperators, cloneDocumentValue } from './update-operators';
import { assertUpdate } from './validation';

type AnyObject = Record<string, unknown>;
type OperatorFunction = (expression: AnyObject) => (document: AnyObject) => string[];

/** The reference: every operator through mingo's own implementation, as the store did before its direct paths. */
function throughMingo(document: AnyObject, modifier: Omit<Update, '$setOnInsert'>): string[] {
  const changed: string[] = [];
  for (const [operator, expression] of Object.entries(cloneDocumentValue(modifier))) {
    changed.push(...(mingoOperators as unknown as Record<string, OperatorFunction>)[operator]!(expression as AnyObject)(document));
  }
  return changed.sort();
}

const fields = ['a', 'b', 'c', 'n'] as const;
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('x', 'y', true, false, null), fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', true, null), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 })), { maxLength: 4 }), fc.record({ k: fc.integer({ min: 0, max: 2 }) }));
const documentArbitrary = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 4 }).map((rest) => ({ _id: 'd', ...rest }));
const path = fc.oneof(fc.constantFrom(...fields), fc.constantFrom('a.k', 'b.k', 'n.k'));
const updateArbitrary = fc
  .record(
    {
      $set: fc.dictionary(path, value, { minKeys: 1, maxKeys: 2 }),
      $unset: fc.dictionary(path, fc.constant(''), { minKeys: 1, maxKeys: 2 }),
      $inc: fc.dictionary(path, fc.integer({ min: -3, max: 3 }), { minKeys: 1, maxKeys: 2 }),
      $addToSet: fc.dictionary(path, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', null, true), fc.record({ k: fc.integer({ min: 0, max: 2 }) })), { minKeys: 1, maxKeys: 2 }),
      $push: fc.dictionary(path, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', null), fc.record({ k: fc.integer({ min: 0, max: 2 }) }), fc.record({ $each: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) })), { minKeys: 1, maxKeys: 2 }),
      $pull: fc.dictionary(path, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', true, null), fc.record({ $gt: fc.integer({ min: 0, max: 2 }) })), { minKeys: 1, maxKeys: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((update) => {
    if (Object.keys(update).length === 0) return false;
    try {
      assertUpdate(update);
      return true;
    } catch {
      return false; // conflicting paths: refused before any operator runs
    }
  });

describe('applyUpdateOperators', () => {
  it('changes a document exactly as mingo’s operators do, and reports the same changed paths', () => {
    fc.assert(
      fc.property(documentArbitrary, updateArbitrary, (document, update) => {
        const expected = cloneDocumentValue(document) as AnyObject;
        let expectedChanged: string[] | Error;
        try {
          expectedChanged = throughMingo(expected, update as Omit<Update, '$setOnInsert'>);
        } catch (error) {
          expectedChanged = error as Error;
        }
        const actual = cloneDocumentValue(document) as AnyObject;
        if (expectedChanged instanceof Error) {
          expect(() => applyUpdateOperators(actual, update as Omit<Update, '$setOnInsert'>)).toThrow();
          return;
        }
        expect(applyUpdateOperators(actual, update as Omit<Update, '$setOnInsert'>)).toEqual(expectedChanged);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });

  it('copies set values into the document, so a later change of the update does not reach it', () => {
    const member = { id: 'm-1', roles: ['lead'] };
    const document: AnyObject = { _id: 't-1' };
    applyUpdateOperators(document, { $set: { member } });
    member.roles.push('changed');
    expect(document).toEqual({ _id: 't-1', member: { id: 'm-1', roles: ['lead'] } });
  });

  it('starts an $inc of a missing field at 0 and leaves a field that is not a number alone, as mingo does', () => {
    const document: AnyObject = { _id: 't-1', name: 'Alpha' };
    expect(applyUpdateOperators(document, { $inc: { members: 2, name: 1 } })).toEqual(['members']);
    expect(document).toEqual({ _id: 't-1', name: 'Alpha', members: 2 });
  });

  it('reports no change for a $set of an equal value or an $unset of a missing field', () => {
    const document: AnyObject = { _id: 't-1', tags: ['a'] };
    expect(applyUpdateOperators(document, { $set: { tags: ['a'] }, $unset: { missing: '' } })).toEqual([]);
  });
});
