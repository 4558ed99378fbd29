import { MongoServerError, type Db } from 'mongodb';

/**
 * The projection pointers (`@leerzone/projections` keeps one document per projection there:
 * which generation of its collections answers queries). The adapter watches writes to this
 * collection; a test proves the name is the one the projections library uses.
 */
export const READ_MODEL_POINTERS = 'leerzone_projections';

/**
 * Stable names for analysts: one document per read model (a projection's logical
 * collection), naming the physical collection that currently answers for it. MongoDB views
 * would do this better, but FerretDB 1.24 refuses `create` with `viewOn`.
 */
export const READ_MODEL_DIRECTORY = 'leerzone_read_models';

export interface ReadModelDirectoryEntry {
  /** The logical collection name, e.g. `teams`; stable across rebuilds. */
  readonly _id: string;
  /** The projection that writes it, e.g. `governance.teams`. */
  readonly projection: string;
  /** The physical collection to read now, e.g. `teams__v1_1796114356376`. */
  readonly collection: string;
  readonly generation: string;
  readonly version: number;
  /** The collection of the generation before; kept until the next switch, then dropped. */
  readonly previousCollection: string | null;
  /** When the pointer switched to this generation. */
  readonly switchedAt: Date;
  /** When this entry was last written. */
  readonly updatedAt: Date;
}

interface PointerShape {
  readonly _id: string;
  readonly version?: unknown;
  readonly generation?: unknown;
  readonly collections?: unknown;
  readonly previous?: { collections?: unknown } | null;
  readonly switchedAt?: unknown;
}

const DUPLICATE_KEY = 11000;
const isDuplicate = (error: unknown): boolean =>
  error instanceof MongoServerError && (Number(error.code) === DUPLICATE_KEY || (Number(error.code) === 1 && /UNIQUE constraint failed/.test(error.errmsg ?? error.message)));

const asDate = (value: unknown): Date | null => {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

const asNames = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};

/**
 * Keeps `leerzone_read_models` in step with the pointers. It runs after every write to the
 * pointer collection (in the process that switched) and when a store connects (healing a
 * process that stopped between the two writes). A switch cannot leave a reader stranded:
 * until the directory is synced it names the generation just replaced, which the switch keeps
 * as `previous` and which is only dropped after a later switch. Each entry is only ever moved
 * forward in `switchedAt`, so two processes syncing at once cannot move it back.
 */
export class ReadModelDirectory {
  constructor(private readonly db: Db) {}

  async sync(now: Date = new Date()): Promise<void> {
    const pointers = await this.db.collection<PointerShape>(READ_MODEL_POINTERS).find({}).toArray();
    const directory = this.db.collection<ReadModelDirectoryEntry>(READ_MODEL_DIRECTORY);
    for (const pointer of pointers) {
      const switchedAt = asDate(pointer.switchedAt);
      if (typeof pointer.generation !== 'string' || typeof pointer.version !== 'number' || !switchedAt) continue;
      const previous = asNames(pointer.previous?.collections);
      for (const [logical, physical] of Object.entries(asNames(pointer.collections))) {
        const entry: Omit<ReadModelDirectoryEntry, '_id'> = {
          projection: pointer._id,
          collection: physical,
          generation: pointer.generation,
          version: pointer.version,
          previousCollection: previous[logical] ?? null,
          switchedAt,
          updatedAt: now,
        };
        try {
          // Matches an older entry (or none: upsert); a newer or equal one makes the upsert collide.
          await directory.updateOne({ _id: logical, switchedAt: { $lt: switchedAt } }, { $set: entry }, { upsert: true });
        } catch (error) {
          if (!isDuplicate(error)) throw error;
        }
      }
    }
  }

  async entries(): Promise<ReadModelDirectoryEntry[]> {
    return this.db.collection<ReadModelDirectoryEntry>(READ_MODEL_DIRECTORY).find({}).sort({ _id: 1 }).toArray();
  }
}
