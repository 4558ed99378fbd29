import { SpanKind } from '@opentelemetry/api';
import { ATTR_DB_COLLECTION_NAME, ATTR_DB_OPERATION_BATCH_SIZE, ATTR_DB_OPERATION_NAME, ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent, SubscribeOptions, Subscription } from '@leerzone/kernel';
import { eventStoreOperationDuration, secondsSince } from '../metrics/instruments';
import { withSpan } from './trace-context';

const INSTRUMENTED = Symbol.for('leerzone.observability.instrumented-event-store');

const SYSTEMS: Record<string, string> = { SqliteEventStore: 'sqlite', PostgresEventStore: 'postgresql', KurrentDbEventStore: 'kurrentdb', KurrentDBEventStore: 'kurrentdb' };

/** `db.system.name` of a store, guessed from its adapter class when not given. */
export const dbSystemOf = (store: EventStore): string => SYSTEMS[store.constructor?.name ?? ''] ?? 'other_sql';

/**
 * Wraps an event store so appends and stream reads produce client spans and the
 * `db.client.operation.duration` histogram (database semantic conventions). `readAll` and
 * subscriptions are passed through untraced: catch-up loops poll them, and a span per poll
 * would drown the traces that matter. Wrapping twice returns the first wrapper.
 */
export function instrumentEventStore(store: EventStore, options: { readonly system?: string } = {}): EventStore {
  if ((store as unknown as Record<symbol, unknown>)[INSTRUMENTED]) return store;
  const system = options.system ?? dbSystemOf(store);
  const operation = async <T>(name: string, attributes: Record<string, string | number>, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    let errorType: string | undefined;
    try {
      return await withSpan(
        `${name} events`,
        { kind: SpanKind.CLIENT, attributes: { [ATTR_DB_SYSTEM_NAME]: system, [ATTR_DB_OPERATION_NAME]: name, [ATTR_DB_COLLECTION_NAME]: 'events', ...attributes } },
        () => run(),
      );
    } catch (error) {
      errorType = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'unknown';
      throw error;
    } finally {
      eventStoreOperationDuration.record(secondsSince(start), {
        [ATTR_DB_SYSTEM_NAME]: system,
        [ATTR_DB_OPERATION_NAME]: name,
        ...(errorType ? { 'error.type': errorType } : {}),
      });
    }
  };
  const instrumented: EventStore & { [INSTRUMENTED]: true } = {
    [INSTRUMENTED]: true,
    append: (streamId: string, events: readonly NewEvent[], appendOptions: { expectedVersion: ExpectedVersion }): Promise<AppendResult> =>
      operation(
        'append',
        { 'leerzone.stream.id': streamId, ...(events.length > 1 ? { [ATTR_DB_OPERATION_BATCH_SIZE]: events.length } : {}), 'leerzone.event.count': events.length },
        () => store.append(streamId, events, appendOptions),
      ),
    readStream: (streamId: string, readOptions?: ReadStreamOptions): Promise<StoredEvent[]> =>
      operation('read_stream', { 'leerzone.stream.id': streamId }, () => store.readStream(streamId, readOptions)),
    readAll: (readOptions?: ReadAllOptions) => store.readAll(readOptions),
    streamVersion: (streamId: string) => store.streamVersion(streamId),
    headPosition: () => store.headPosition(),
    subscribe: (subscribeOptions: SubscribeOptions): Subscription => store.subscribe(subscribeOptions),
    close: () => store.close(),
  };
  return instrumented;
}
