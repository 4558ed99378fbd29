import Database from 'better-sqlite3';
import { StoredEventFactory } from '@leerzone/messaging/testing';
import { SqliteInbox } from './sqlite-inbox';

describe('SqliteInbox', () => {
  const setup = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    const bump = db.prepare('INSERT INTO counts VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1');
    const counts = () => Object.fromEntries(db.prepare<[], { stream_id: string; n: number }>('SELECT * FROM counts ORDER BY stream_id').all().map((r) => [r.stream_id, r.n]));
    return { db, inbox: new SqliteInbox(db), bump, counts };
  };

  it('applies each event once, however often it is delivered', () => {
    const { inbox, bump, counts } = setup();
    const events = new StoredEventFactory().interleaved(['a', 'b'], 3);
    const apply = (fresh: readonly { streamId: string }[]) => fresh.forEach((e) => bump.run(e.streamId));
    expect(inbox.handle('rm', events.slice(0, 3), apply)).toHaveLength(3);
    expect(inbox.handle('rm', events, apply)).toHaveLength(3);
    expect(inbox.handle('rm', events, apply)).toHaveLength(0);
    expect(counts()).toEqual({ a: 3, b: 3 });
    expect(inbox.position('rm', 'a')).toBe(3);
  });

  it('rolls the positions back with the effect when the effect fails', () => {
    const { inbox, bump, counts } = setup();
    const events = new StoredEventFactory().interleaved(['a'], 2);
    expect(() =>
      inbox.handle('rm', events, (fresh) => {
        bump.run(fresh[0]!.streamId);
        throw new Error('constraint violated');
      }),
    ).toThrow('constraint violated');
    expect(counts()).toEqual({});
    expect(inbox.position('rm', 'a')).toBe(0);
    inbox.handle('rm', events, (fresh) => fresh.forEach((e) => bump.run(e.streamId)));
    expect(counts()).toEqual({ a: 2 });
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => new SqliteInbox(new Database(':memory:'), 'x; DROP TABLE y')).toThrow(expect.objectContaining({ field: 'table' }));
  });
});
