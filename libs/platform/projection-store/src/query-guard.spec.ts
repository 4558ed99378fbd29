import { InMemoryProjectionStore } from './in-memory-projection-store';
import { InvalidQueryError } from './projection-store.errors';
import { buildSafeFilter, buildSafeSort, safeScalar, type QuerySchema } from './query-guard';

const schema: QuerySchema = {
  name: { type: 'string' },
  score: { type: 'number' },
  active: { type: 'boolean' },
  owner: { type: 'string', path: 'owner.id', operators: ['eq'] },
  since: { type: 'instant' },
};

const rejects = (input: unknown, field: string): void => {
  let error: unknown;
  try {
    buildSafeFilter(input, schema);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidQueryError);
  expect(error).toMatchObject({ code: 'PROJECTION.INVALID_QUERY', field });
};

describe('buildSafeFilter', () => {
  it('translates declared fields and operators into a filter', () => {
    expect(buildSafeFilter({ name: 'Team' }, schema)).toEqual({ name: { $eq: 'Team' } });
    expect(buildSafeFilter({ score: { gte: '3', lt: 7 }, owner: 'u1', active: 'true' }, schema)).toEqual({
      $and: [{ score: { $gte: 3 } }, { score: { $lt: 7 } }, { 'owner.id': { $eq: 'u1' } }, { active: { $eq: true } }],
    });
    expect(buildSafeFilter({ name: { in: 'a,b' } }, schema)).toEqual({ name: { $in: ['a', 'b'] } });
    expect(buildSafeFilter({}, schema)).toEqual({});
    expect(buildSafeFilter(undefined, schema)).toEqual({});
  });

  it('escapes prefix searches so user text is never a pattern', () => {
    expect(buildSafeFilter({ name: { prefix: 'a.*(' } }, schema)).toEqual({ name: { $regex: '^a\\.\\*\\(' } });
  });

  it('refuses operator injection wherever the $ appears', () => {
    rejects({ $where: 'sleep(1000)' }, '$where');
    rejects({ name: { $ne: null } }, 'name.$ne');
    rejects({ name: { eq: { $gt: '' } } }, 'name.eq');
    rejects({ name: { in: [{ $gt: '' }] } }, 'name.in[0]');
    rejects({ score: { gt: { $gt: 0 } } }, 'score.gt');
  });

  it('refuses undeclared fields, disallowed operators and wrong types', () => {
    rejects({ _id: 'x' }, '_id');
    rejects({ constructor: 'x' }, 'constructor');
    rejects({ owner: { ne: 'u1' } }, 'owner.ne');
    rejects({ name: { gt: 'a' } }, 'name.gt');
    rejects({ score: 'many' }, 'score.eq');
    rejects({ active: 'yes' }, 'active.eq');
    rejects({ since: '2026-01-01' }, 'since.eq');
    rejects({ name: { in: [] } }, 'name.in');
    rejects('name=x', 'filter');
  });

  it('produces filters the store evaluates, and an injected value matches nothing it should not', async () => {
    const items = new InMemoryProjectionStore().collection('teams');
    await items.insertOne({ _id: 'a', name: 'Alpha', score: 5, owner: { id: 'u1' } });
    await items.insertOne({ _id: 'b', name: 'Beta', score: 1, owner: { id: 'u2' } });
    const found = await items.find(buildSafeFilter({ score: { gte: 2 }, owner: 'u1' }, schema));
    expect(found.items.map((item) => item._id)).toEqual(['a']);
    const prefixed = await items.find(buildSafeFilter({ name: { prefix: 'B' } }, schema));
    expect(prefixed.items.map((item) => item._id)).toEqual(['b']);
  });
});

describe('safeScalar and buildSafeSort', () => {
  it('accepts scalars only', () => {
    expect(safeScalar('team-1', 'id')).toBe('team-1');
    expect(() => safeScalar({ $gt: '' }, 'id')).toThrow(InvalidQueryError);
    expect(() => safeScalar(['a'], 'id')).toThrow(InvalidQueryError);
    expect(safeScalar('42', 'n', 'number')).toBe(42);
  });

  it('builds a sort over allowed fields only', () => {
    expect(buildSafeSort('name,-score', ['name', 'score'])).toEqual({ name: 1, score: -1 });
    expect(buildSafeSort(undefined, ['name'])).toEqual({});
    expect(() => buildSafeSort('password', ['name'])).toThrow(expect.objectContaining({ code: 'PROJECTION.INVALID_QUERY', field: 'sort' }) as unknown as Error);
  });
});
