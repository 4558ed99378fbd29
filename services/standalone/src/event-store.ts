import type { EventStore } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';

/** Opens the event store named by EVENT_STORE_URL. */
export async function openStandaloneEventStore(url: string): Promise<EventStore> {
  if (url.startsWith('sqlite:')) return new SqliteEventStore({ filename: url.slice('sqlite:'.length) });
  throw new Error(`Unsupported EVENT_STORE_URL ${url}: standalone mode runs on sqlite:<path>.`);
}
