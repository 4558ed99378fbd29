import { EventStoreError, type EventStore } from '@leerzone/kernel';
import { DEFAULT_EVENT_STORE_URL, EventStoreUnreachableError, EventStoreUrlError, parseEventStoreUrl, type EventStoreLocation } from './event-store-url';

export interface OpenEventStoreOptions {
  /** The clock that stamps recorded-at (a migration replays the source's). Default: the system clock. */
  readonly clock?: () => Date;
  /** How often idle subscriptions look for appends by other processes when no notification arrives. */
  readonly pollIntervalMs?: number;
  /** How long opening may take before the store counts as unreachable. Default 15 000 ms. */
  readonly connectTimeoutMs?: number;
}

/** `EVENT_STORE_URL` from the environment, or the embedded default. */
export const eventStoreUrlFromEnv = (env: NodeJS.ProcessEnv = process.env): string => env['EVENT_STORE_URL']?.trim() || DEFAULT_EVENT_STORE_URL;

// Adapters are loaded on demand: a process on SQLite never loads the gRPC client, and one on
// KurrentDB never loads the native SQLite binding.
async function openLocation(location: EventStoreLocation, options: OpenEventStoreOptions): Promise<EventStore> {
  const common = { ...(options.clock ? { clock: options.clock } : {}), ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}) };
  switch (location.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('@leerzone/event-store-sqlite');
      return new SqliteEventStore({ filename: location.filename, ...common });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('@leerzone/event-store-postgres');
      return PostgresEventStore.open({
        connectionString: location.connectionString,
        ...(location.schema ? { schema: location.schema } : {}),
        connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
        ...common,
      });
    }
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('@leerzone/event-store-kurrentdb');
      return KurrentDbEventStore.open({ connectionString: location.connectionString, ...(location.namespace ? { namespace: location.namespace } : {}), ...common });
    }
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, onLate: (value: T) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (settled) onLate(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!settled) reject(error);
      },
    );
  });

// Duck-typed, not `instanceof Error`: errors from drivers and Node itself may come from another realm (jest's VM, worker threads).
const describeError = (error: unknown): string => {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, message, code, type } = error as { name?: unknown; message?: unknown; code?: unknown; type?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(name ?? 'unknown error');
  // The KurrentDB client reports a refused or failed connection as a bare gRPC UNAVAILABLE.
  if (type === 'unavailable' || name === 'UnavailableError') return `the server is unavailable (${text})`;
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
};

/**
 * Opens the event store an URL names, by scheme:
 * `sqlite:./data/events.db` / `sqlite::memory:` (embedded), `postgres://` / `postgresql://`
 * (`?schema=` picks the schema, default `event_store`), `kurrentdb://` / `esdb://`
 * (`&namespace=` picks the stream prefix, default `leerzone`).
 * A malformed URL fails with `EVENT_STORE.BAD_URL`, one that cannot be opened with
 * `EVENT_STORE.UNREACHABLE`; both name the URL without its password.
 */
export async function openEventStore(url: string, options: OpenEventStoreOptions = {}): Promise<EventStore> {
  const location = parseEventStoreUrl(url);
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:@/?#]*:([^@/?#]*)@/i.exec(url.trim())?.[1];
  const hide = (text: string) => (password ? text.split(password).join('***') : text);
  try {
    return await withTimeout(openLocation(location, options), options.connectTimeoutMs ?? 15_000, (late) => void late.close());
  } catch (error) {
    if (error instanceof EventStoreError && error.code === 'EVENT_STORE.INVALID_ARGUMENT') throw new EventStoreUrlError(url, hide(error.message));
    if ((error as { name?: unknown } | null)?.name === 'ParseError') throw new EventStoreUrlError(url, hide(describeError(error)));
    throw new EventStoreUnreachableError(url, hide(describeError(error)));
  }
}
