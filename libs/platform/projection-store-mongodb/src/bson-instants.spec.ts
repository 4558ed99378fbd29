import { canonicalInstant, fromStored, toStored } from './bson-instants';

describe('instants as BSON dates', () => {
  it('recognises exactly the strings toISOString writes', () => {
    expect(canonicalInstant('2026-03-01T09:30:00.000Z')).toEqual(new Date(Date.UTC(2026, 2, 1, 9, 30)));
    expect(canonicalInstant('1999-12-31T23:59:59.999Z')?.toISOString()).toBe('1999-12-31T23:59:59.999Z');
    for (const other of ['2026-03-01', '2026-03', '2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000+01:00', '2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', ' 2026-03-01T09:30:00.000Z', 'Team 2026']) {
      expect(canonicalInstant(other)).toBeUndefined();
    }
  });

  it('converts instants at any depth of a document, update or filter, and leaves ids, regexes and other values alone', () => {
    const at = '2026-03-01T09:30:00.000Z';
    const stored = toStored({
      _id: at,
      at,
      day: '2026-03-01',
      n: 3,
      none: null,
      history: [{ at, zone: 'learning' }, at],
      $set: { changedAt: at },
      filter: { $and: [{ at: { $gte: at } }, { name: { $regex: at } }, { _id: { $in: [at] } }] },
    });
    const date = new Date(at);
    expect(stored).toEqual({
      _id: at,
      at: date,
      day: '2026-03-01',
      n: 3,
      none: null,
      history: [{ at: date, zone: 'learning' }, date],
      $set: { changedAt: date },
      filter: { $and: [{ at: { $gte: date } }, { name: { $regex: at } }, { _id: { $in: [at] } }] },
    });
  });

  it('reads dates back as the very strings that were written', () => {
    const document = { _id: 'a', at: '2026-03-01T09:30:00.000Z', nested: { list: [{ since: '2025-01-01T00:00:00.000Z' }] }, day: '2026-03-01', flag: true };
    expect(fromStored(toStored(document))).toEqual(document);
    expect(fromStored({ _id: 'b', when: new Date(0) })).toEqual({ _id: 'b', when: '1970-01-01T00:00:00.000Z' });
  });
});
