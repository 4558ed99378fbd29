import { EventStoreError } from '@leerzone/kernel';

/** Where `EVENT_STORE_URL` points when it is not set: the embedded store under ./data. */
export const DEFAULT_EVENT_STORE_URL = 'sqlite:./data/events.db';

export type EventStoreLocation =
  | { readonly kind: 'sqlite'; readonly filename: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema?: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string; readonly namespace?: string };

/** The URL with any password replaced by `***`, fit for logs and error messages. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

export class EventStoreUrlError extends EventStoreError {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super('EVENT_STORE.BAD_URL', `The event store URL ${redactUrl(url)} cannot be used: ${reason}`, 'url');
  }
}

export class EventStoreUnreachableError extends EventStoreError {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super('EVENT_STORE.UNREACHABLE', `The event store at ${redactUrl(url)} cannot be reached: ${reason}`, 'url');
  }
}

const SUPPORTED = 'sqlite:<file> or sqlite::memory:, postgres://…, postgresql://…, kurrentdb://… or esdb://…';
const KURRENT_SCHEMES = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//i;

/** Removes one of our own query parameters (one the driver does not know) and returns its value. */
function takeParameter(url: string, name: string): { url: string; value: string | undefined } {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return { url, value: undefined };
  const fragmentStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, fragmentStart < 0 ? undefined : fragmentStart);
  const fragment = fragmentStart < 0 ? '' : url.slice(fragmentStart);
  let value: string | undefined;
  const kept = query.split('&').filter((pair) => {
    const [key, ...rest] = pair.split('=');
    if (key !== name) return pair !== '';
    value = decodeURIComponent(rest.join('='));
    return false;
  });
  return { url: `${url.slice(0, queryStart)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}`, value };
}

/** Reads an event store URL; a malformed one fails with `EVENT_STORE.BAD_URL` naming it (without its password). */
export function parseEventStoreUrl(url: string): EventStoreLocation {
  if (typeof url !== 'string' || url.trim() === '') throw new EventStoreUrlError(String(url), `it is empty; use ${SUPPORTED}.`);
  const trimmed = url.trim();

  if (/^sqlite:/i.test(trimmed)) {
    let filename = trimmed.slice('sqlite:'.length);
    if (filename.startsWith('//')) filename = filename.slice(2);
    if (filename === '') throw new EventStoreUrlError(url, 'it names no file; use sqlite:./data/events.db or sqlite::memory:.');
    return { kind: 'sqlite', filename };
  }

  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    const { url: connectionString, value: schema } = takeParameter(trimmed, 'schema');
    let parsed: URL;
    try {
      parsed = new URL(connectionString);
    } catch {
      throw new EventStoreUrlError(url, 'it is not a valid URL (expected postgres://user:password@host:port/database).');
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) throw new EventStoreUrlError(url, 'it names no host.');
    if (parsed.pathname.replace(/^\//, '') === '') throw new EventStoreUrlError(url, 'it names no database (postgres://host:port/database).');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new EventStoreUrlError(url, `schema "${schema}" is not a plain lower-case identifier.`);
    }
    return { kind: 'postgres', connectionString, ...(schema !== undefined ? { schema } : {}) };
  }

  if (KURRENT_SCHEMES.test(trimmed)) {
    const { url: connectionString, value: namespace } = takeParameter(trimmed, 'namespace');
    const hosts = connectionString.replace(KURRENT_SCHEMES, '').replace(/^[^@/]*@/, '').split(/[/?]/)[0]!;
    if (hosts === '') throw new EventStoreUrlError(url, 'it names no host (kurrentdb://host:2113?tls=false).');
    if (namespace !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(namespace)) {
      throw new EventStoreUrlError(url, `namespace "${namespace}" must be 1-64 letters, digits and _ . -.`);
    }
    return { kind: 'kurrentdb', connectionString, ...(namespace !== undefined ? { namespace } : {}) };
  }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  throw new EventStoreUrlError(url, scheme ? `scheme "${scheme}:" is not supported; use ${SUPPORTED}.` : `it has no scheme; use ${SUPPORTED}.`);
}
