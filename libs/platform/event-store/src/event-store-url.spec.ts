import { EventStoreUrlError, eventStoreUrlFromEnv, parseEventStoreUrl, redactUrl } from './index';

const badUrl = (url: string): EventStoreUrlError => {
  try {
    parseEventStoreUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(EventStoreUrlError);
    return error as EventStoreUrlError;
  }
  throw new Error(`${url} was accepted`);
};

describe('parseEventStoreUrl', () => {
  it('reads sqlite file paths and the in-memory store', () => {
    expect(parseEventStoreUrl('sqlite:./data/events.db')).toEqual({ kind: 'sqlite', filename: './data/events.db' });
    expect(parseEventStoreUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', filename: ':memory:' });
    expect(parseEventStoreUrl('sqlite:///var/lib/leerzone/events.db')).toEqual({ kind: 'sqlite', filename: '/var/lib/leerzone/events.db' });
    expect(parseEventStoreUrl('SQLITE:events.db')).toEqual({ kind: 'sqlite', filename: 'events.db' });
  });

  it('reads postgres URLs in both spellings and takes our schema parameter out of what pg sees', () => {
    expect(parseEventStoreUrl('postgres://u:p@127.0.0.1:5432/db')).toEqual({ kind: 'postgres', connectionString: 'postgres://u:p@127.0.0.1:5432/db' });
    expect(parseEventStoreUrl('postgresql://u@db.example:5432/app?schema=audit&sslmode=require')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://u@db.example:5432/app?sslmode=require',
      schema: 'audit',
    });
    expect(parseEventStoreUrl('postgres://h/app?sslmode=disable&schema=audit')).toMatchObject({ connectionString: 'postgres://h/app?sslmode=disable', schema: 'audit' });
    expect(parseEventStoreUrl('postgres:///app?host=/var/run/postgresql')).toMatchObject({ kind: 'postgres' });
  });

  it('reads kurrentdb and esdb URLs, clusters included, and takes our namespace parameter out', () => {
    expect(parseEventStoreUrl('kurrentdb://127.0.0.1:2113?tls=false')).toEqual({ kind: 'kurrentdb', connectionString: 'kurrentdb://127.0.0.1:2113?tls=false' });
    expect(parseEventStoreUrl('esdb://admin:changeit@a:2113,b:2113,c:2113?tls=true&namespace=pilot')).toEqual({
      kind: 'kurrentdb',
      connectionString: 'esdb://admin:changeit@a:2113,b:2113,c:2113?tls=true',
      namespace: 'pilot',
    });
    expect(parseEventStoreUrl('kurrentdb+discover://cluster.example:2113')).toMatchObject({ kind: 'kurrentdb' });
  });

  it('refuses malformed URLs with EVENT_STORE.BAD_URL, naming the URL without its password', () => {
    const unknown = badUrl('mysql://root:s3cret@db/app');
    expect(unknown).toMatchObject({ code: 'EVENT_STORE.BAD_URL', field: 'url' });
    expect(unknown.message).toContain('mysql://root:***@db/app');
    expect(unknown.message).toContain('"mysql:" is not supported');
    expect(unknown.message).not.toContain('s3cret');
    expect(badUrl('').message).toContain('empty');
    expect(badUrl('./events.db').message).toContain('no scheme');
    expect(badUrl('sqlite:').message).toContain('names no file');
    expect(badUrl('postgres://u:pw@host:99999/db').message).not.toContain('pw@');
    expect(badUrl('postgres://u:pw@host:5432/').message).toContain('no database');
    expect(badUrl('postgres://u:pw@host/db?schema=Bad-Name').message).toContain('schema "Bad-Name"');
    expect(badUrl('kurrentdb://?tls=false').message).toContain('no host');
    expect(badUrl('esdb://h:2113?namespace=a:b').message).toContain('namespace "a:b"');
  });
});

describe('redactUrl', () => {
  it('hides passwords in the authority and in the query', () => {
    expect(redactUrl('postgres://leerzone:leerzone@127.0.0.1:55432/leerzone')).toBe('postgres://leerzone:***@127.0.0.1:55432/leerzone');
    expect(redactUrl('postgres://h/db?user=u&password=pw&x=1')).toBe('postgres://h/db?user=u&password=***&x=1');
    expect(redactUrl('kurrentdb://h:2113?tls=false')).toBe('kurrentdb://h:2113?tls=false');
    expect(redactUrl('sqlite:./data/events.db')).toBe('sqlite:./data/events.db');
  });
});

describe('eventStoreUrlFromEnv', () => {
  it('falls back to the embedded store', () => {
    expect(eventStoreUrlFromEnv({})).toBe('sqlite:./data/events.db');
    expect(eventStoreUrlFromEnv({ EVENT_STORE_URL: ' postgres://h/db ' })).toBe('postgres://h/db');
  });
});
