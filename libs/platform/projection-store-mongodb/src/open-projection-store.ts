import { InMemoryProjectionStore, invalidArgument, type ProjectionStore } from '@leerzone/projection-store';
import { MongoProjectionStore } from './mongo-projection-store';

/** Standalone mode keeps read models in memory and rebuilds them from the event store at start. */
export const DEFAULT_PROJECTION_STORE_URL = 'memory:';

/** `PROJECTION_STORE_URL` from the environment, or the in-memory default. */
export const projectionStoreUrlFromEnv = (env: NodeJS.ProcessEnv = process.env): string => env['PROJECTION_STORE_URL']?.trim() || DEFAULT_PROJECTION_STORE_URL;

/** The URL with any password masked, for logs and CLI output. */
export const redactProjectionStoreUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

/**
 * Opens the projection store a URL names: `memory:` (in this process only) or
 * `mongodb://…` / `mongodb+srv://…` (database from the path, default `leerzone_projections`).
 */
export async function openProjectionStore(url: string): Promise<ProjectionStore> {
  if (url === 'memory:' || url === 'memory://') return new InMemoryProjectionStore();
  if (/^mongodb(\+srv)?:\/\//.test(url)) return MongoProjectionStore.connect({ url });
  throw invalidArgument('PROJECTION_STORE_URL', `Unsupported projection store URL ${redactProjectionStoreUrl(url)}: use memory: or mongodb://host:port/database.`);
}
