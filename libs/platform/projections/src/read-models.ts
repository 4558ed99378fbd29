import {
  withFilter,
  type Document,
  type Filter,
  type FindOptions,
  type GroupSummary,
  type Page,
  type ProjectionStore,
  type SummariseOptions,
} from '@leerzone/projection-store';
import { DELETED_FIELD, POSITION_FIELD } from './projection';
import { ProjectionCatalog, toGeneration, type Generation } from './projection-catalog';
import { ProjectionError } from './projection.errors';

/** A read model as queries see it: the current generation, without tombstones or runner fields. */
export interface ReadModelCollection<T extends Document = Document> {
  findOne(filter: Filter): Promise<T | null>;
  /** Build `filter` from user input with `buildSafeFilter`/`safeScalar` of `@leerzone/projection-store`. */
  find(filter: Filter, options?: FindOptions): Promise<Page<T>>;
  count(filter?: Filter): Promise<number>;
  /** Per group of `groupBy`: how many documents and the totals of the `sum` fields, computed by the store (see `ProjectionCollection.summarise`). */
  summarise<F extends string = never>(filter: Filter, options: SummariseOptions<F>): Promise<GroupSummary<F>[]>;
}

const NOT_DELETED: Filter = { [DELETED_FIELD]: { $ne: true } };

const clean = <T extends Document>(document: Document): T => {
  const { [POSITION_FIELD]: _position, [DELETED_FIELD]: _deleted, ...rest } = document;
  return rest as T;
};

/**
 * The query side. Resolves a projection's logical collection to the generation the pointer
 * names (cached for `cacheMs`; an in-process runner pushes switches at once), so a rebuild
 * running elsewhere never interrupts queries.
 */
export class ReadModels {
  private readonly cache = new Map<string, { generation: Generation | null; until: number }>();
  private readonly catalog: ProjectionCatalog;
  private readonly cacheMs: number;

  constructor(
    private readonly store: ProjectionStore,
    options: { readonly cacheMs?: number } = {},
  ) {
    this.catalog = new ProjectionCatalog(store);
    this.cacheMs = options.cacheMs ?? 1_000;
  }

  collection<T extends Document = Document>(projection: string, logical: string): ReadModelCollection<T> {
    const physical = async (): Promise<string | null> => {
      const generation = await this.generation(projection);
      if (!generation) return null;
      const name = generation.collections[logical];
      if (!name) throw new ProjectionError('PROJECTION.UNKNOWN_COLLECTION', `${projection} has no collection named ${logical}.`, 'collection');
      return name;
    };
    return {
      findOne: async (filter) => {
        const name = await physical();
        if (!name) return null;
        const found = await this.store.collection(name).findOne(withFilter(filter, NOT_DELETED));
        return found ? clean<T>(found) : null;
      },
      find: async (filter, options) => {
        const name = await physical();
        if (!name) return { items: [] };
        const page = await this.store.collection(name).find(withFilter(filter, NOT_DELETED), options);
        return { ...page, items: page.items.map((item) => clean<T>(item)) };
      },
      count: async (filter = {}) => {
        const name = await physical();
        return name ? this.store.collection(name).count(withFilter(filter, NOT_DELETED)) : 0;
      },
      summarise: async (filter, options) => {
        const name = await physical();
        return name ? this.store.collection(name).summarise(withFilter(filter, NOT_DELETED), options) : [];
      },
    };
  }

  /** The generation currently answering for a projection; null before its first run. */
  async generation(projection: string): Promise<Generation | null> {
    const cached = this.cache.get(projection);
    if (cached && cached.until > Date.now()) return cached.generation;
    const pointer = await this.catalog.pointer(projection);
    const generation = pointer ? toGeneration(pointer) : null;
    // An absent pointer is not cached: the runner is about to create it.
    if (generation) this.cache.set(projection, { generation, until: Date.now() + this.cacheMs });
    return generation;
  }

  /** Called by an in-process runner when it switches generation. */
  setGeneration(projection: string, generation: Generation, pinned = false): void {
    this.cache.set(projection, { generation, until: pinned ? Number.POSITIVE_INFINITY : Date.now() + this.cacheMs });
  }
}
