import { assertNever, fold, isRejection, reject, type Decider } from './decider';

type Event = { type: 'Added'; data: { n: number } };
const sum: Pick<Decider<unknown, Event, number[]>, 'evolve' | 'initialState'> = {
  initialState: [],
  evolve: (state, event) => [...state, event.data.n],
};

describe('reject and isRejection', () => {
  it('build a rejection with its category, code, message and optional field and details', () => {
    expect(reject('invalid', 'TEAM.NAME_INVALID', 'Name must not be empty.', { field: 'name', details: { max: 3 } })).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'TEAM.NAME_INVALID',
      message: 'Name must not be empty.',
      field: 'name',
      details: { max: 3 },
    });
    expect(reject('not-found', 'TEAM.NOT_FOUND', 'No such team.')).toEqual({ kind: 'rejection', category: 'not-found', code: 'TEAM.NOT_FOUND', message: 'No such team.' });
  });

  it('tell a rejection from events, commands and anything else', () => {
    expect(isRejection(reject('conflict', 'X.Y', 'No.'))).toBe(true);
    expect(isRejection({ kind: 'rejection' })).toBe(true);
    for (const value of [[], [{ type: 'Added', data: { n: 1 } }], { kind: 'command' }, { type: 'rejection' }, {}, null, undefined, 'rejection', 0]) {
      expect(isRejection(value)).toBe(false);
    }
  });
});

describe('fold', () => {
  it('evolves the initial state through the events in order', () => {
    expect(fold(sum, [])).toEqual([]);
    expect(fold(sum, [{ type: 'Added', data: { n: 2 } }, { type: 'Added', data: { n: 1 } }])).toEqual([2, 1]);
  });
});

describe('assertNever', () => {
  it('throws, naming the value no case handled', () => {
    expect(() => assertNever('Frobnicated' as never)).toThrow(/Frobnicated/);
  });
});
