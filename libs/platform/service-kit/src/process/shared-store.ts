import type { LeaseProvider } from '@leerzone/kernel';
import { parseEventStoreUrl } from '@leerzone/event-store';
import { PostgresCheckpointStore, PostgresLeases } from '@leerzone/event-store-postgres';
import type { CheckpointStore } from '@leerzone/messaging';

export interface SharedStoreCoordination {
  /** Leases for the projection runner: only when the read models are shared too (a MongoDB store). */
  readonly projectionLeases?: LeaseProvider;
  /** Leases and a shared checkpoint for the relays: only when the bus is Kafka (in process, each process relays to its own bus). */
  readonly relays?: { readonly leases: LeaseProvider; readonly checkpoints: () => CheckpointStore };
}

/**
 * How the instances of a service that share one event store agree on who runs the relay and
 * the projections. Only a PostgreSQL store is shared by several processes here: its leases are
 * advisory locks on the store's server, and the relay's checkpoint lives beside the events.
 * A SQLite store belongs to one process (nothing to agree on); KurrentDB has no lease adapter
 * yet, so a KurrentDB-backed service runs as one instance.
 */
export function sharedStoreCoordination(config: { readonly eventStoreUrl: string; readonly projectionStoreUrl: string }, env: NodeJS.ProcessEnv): SharedStoreCoordination {
  const location = parseEventStoreUrl(config.eventStoreUrl);
  if (location.kind !== 'postgres') return {};
  const connectionString = location.connectionString;
  const schema = location.schema;
  const leases = new PostgresLeases({ connectionString, ...(schema ? { schema } : {}) });
  const sharedReadModels = /^mongodb(\+srv)?:/i.test(config.projectionStoreUrl);
  const kafka = (env['KAFKA_BROKERS'] ?? '').trim() !== '';
  return {
    ...(sharedReadModels ? { projectionLeases: leases } : {}),
    ...(kafka ? { relays: { leases, checkpoints: () => new PostgresCheckpointStore({ connectionString, ...(schema ? { schema } : {}) }) } } : {}),
  };
}
