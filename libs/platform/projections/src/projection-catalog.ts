import { DuplicateKeyError, type Document, type ProjectionStore } from '@leerzone/projection-store';
import { DELETED_FIELD, POSITION_FIELD, type CollectionDefinition, type ProjectionDefinition } from './projection';
import { ProjectionError } from './projection.errors';

/** Which physical collections currently answer for a projection (the switch-over pointer). */
export interface Generation {
  readonly id: string;
  readonly version: number;
  /** Logical name → physical collection name. */
  readonly collections: Readonly<Record<string, string>>;
}

export interface PointerDocument extends Document {
  readonly version: number;
  readonly generation: string;
  readonly collections: Record<string, string>;
  readonly previous: { generation: string; collections: Record<string, string> } | null;
  readonly switchedAt: string;
}

interface CheckpointDocument extends Document {
  readonly position: number;
  readonly updatedAt: string;
}

export const POINTERS = 'leerzone_projections';
export const CHECKPOINTS = 'leerzone_projection_checkpoints';

const checkpointId = (projection: string, generation: string): string => `${projection}@${generation}`;
export const toGeneration = (pointer: PointerDocument): Generation => ({ id: pointer.generation, version: pointer.version, collections: pointer.collections });

/**
 * `v3_1767225600000`: version and creation time, so names sort and never repeat. Its
 * collections are named `<projection>.<collection>__<generation>`
 * (`governance.teams.teams__v3_1767225600000`): several services' projections may use the same
 * logical name (`teams`, `changes`, `rounds`) and share one store, as in standalone.
 */
export function newGeneration(projection: ProjectionDefinition, now: Date, existing?: string): Generation {
  let stamp = now.getTime();
  // Two generations within one millisecond would share names: step past the existing one.
  if (existing && existing === `v${projection.version}_${stamp}`) stamp++;
  const id = `v${projection.version}_${stamp}`;
  const collections = Object.fromEntries(Object.keys(projection.collections).map((logical) => [logical, `${projection.name}.${logical}__${id}`]));
  return { id, version: projection.version, collections };
}

const escaped = (name: string): string => name.replace(/[.-]/g, '\\$&');
/**
 * A physical collection name that belongs to some generation of the projection's `logical`
 * collection: `<projection>.<logical>__v…`, or the unqualified `<logical>__v…` names of
 * generations made before names carried the projection (which another projection with the
 * same logical name may also have made: those are only dropped when no pointer names them).
 */
export const isGenerationOf = (physical: string, logical: string, projection?: string): boolean =>
  new RegExp(`^(${projection ? `${escaped(projection)}\\.` : ''})?${escaped(logical)}__v\\d+_\\d+$`).test(physical);

/**
 * The projection metadata kept in the projection store itself: one pointer document per
 * projection (which generation answers queries) and one checkpoint per generation.
 */
export class ProjectionCatalog {
  constructor(private readonly store: ProjectionStore) {}

  async pointer(name: string): Promise<PointerDocument | null> {
    return this.store.collection<PointerDocument>(POINTERS).findOne({ _id: name });
  }

  /** Creates the first pointer; when another process won the race, returns its pointer instead. */
  async createPointer(name: string, generation: Generation, now: Date): Promise<PointerDocument> {
    const pointer: PointerDocument = {
      _id: name,
      version: generation.version,
      generation: generation.id,
      collections: { ...generation.collections },
      previous: null,
      switchedAt: now.toISOString(),
    };
    try {
      await this.store.collection<PointerDocument>(POINTERS).insertOne(pointer);
      return pointer;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      return (await this.pointer(name))!;
    }
  }

  /** Points queries at `next`, provided the pointer still names `expected`. Returns false when another switch came first. */
  async switchTo(name: string, expected: string | null, next: Generation, now: Date): Promise<boolean> {
    const current = await this.pointer(name);
    if (!current) {
      if (expected !== null) return false;
      const created = await this.createPointer(name, next, now);
      return created.generation === next.id;
    }
    if (current.generation !== expected) return false;
    const result = await this.store.collection<PointerDocument>(POINTERS).updateOne(
      { _id: name, generation: expected },
      {
        $set: {
          version: next.version,
          generation: next.id,
          collections: { ...next.collections },
          previous: { generation: current.generation, collections: current.collections },
          switchedAt: now.toISOString(),
        },
      },
    );
    return result.matchedCount === 1;
  }

  async checkpoint(name: string, generation: string): Promise<number> {
    const document = await this.store.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: checkpointId(name, generation) });
    return document?.position ?? 0;
  }

  /** Only ever moves forward ($max), so a slow writer can never move it back. */
  async saveCheckpoint(name: string, generation: string, position: number, now: Date): Promise<void> {
    await this.store
      .collection<CheckpointDocument>(CHECKPOINTS)
      .updateOne({ _id: checkpointId(name, generation) }, { $max: { position }, $set: { updatedAt: now.toISOString() } }, { upsert: true });
  }

  async deleteCheckpoint(name: string, generation: string): Promise<void> {
    await this.store.collection(CHECKPOINTS).deleteOne({ _id: checkpointId(name, generation) });
  }

  /** Tombstones at or below the checkpoint can no longer meet a replayed event. */
  async purgeTombstones(physical: string, checkpoint: number): Promise<void> {
    await this.store.collection(physical).deleteMany({ [DELETED_FIELD]: true, [POSITION_FIELD]: { $lte: checkpoint } });
  }

  async createCollections(projection: ProjectionDefinition, generation: Generation): Promise<void> {
    for (const [logical, definition] of Object.entries(projection.collections)) {
      const collection = this.store.collection(generation.collections[logical]!);
      // Tombstone purges and guard lookups filter on these.
      await collection.createIndex({ keys: { [DELETED_FIELD]: 1, [POSITION_FIELD]: 1 }, name: 'leerzone_tombstones' });
      for (const spec of (definition as CollectionDefinition).indexes ?? []) await collection.createIndex(spec);
    }
  }

  async dropGeneration(projection: ProjectionDefinition, generation: Generation): Promise<void> {
    for (const physical of Object.values(generation.collections)) await this.store.collection(physical).drop();
    await this.deleteCheckpoint(projection.name, generation.id);
  }

  /** Drops every generation of the projection's collections except the ones named in the pointer (current and previous). */
  async dropStaleGenerations(projection: ProjectionDefinition): Promise<string[]> {
    const pointer = await this.pointer(projection.name);
    if (!pointer) throw new ProjectionError('PROJECTION.UNKNOWN', `${projection.name} has no generation yet.`, 'name');
    // Never a collection any projection's pointer names (current or previous): in a shared store
    // another projection's unqualified generation of the same logical name may be in use.
    const pointers = await this.store.collection<PointerDocument>(POINTERS).find({});
    const keep = new Set(pointers.items.flatMap((p) => [...Object.values(p.collections), ...Object.values(p.previous?.collections ?? {})]));
    const dropped: string[] = [];
    for (const physical of await this.store.listCollections()) {
      if (keep.has(physical)) continue;
      if (Object.keys(projection.collections).some((logical) => isGenerationOf(physical, logical, projection.name))) {
        await this.store.collection(physical).drop();
        dropped.push(physical);
      }
    }
    const generations = new Set([pointer.generation, pointer.previous?.generation]);
    const checkpoints = await this.store.collection(CHECKPOINTS).find({ _id: { $regex: `^${projection.name.replace(/[.-]/g, '\\$&')}@` } });
    for (const checkpoint of checkpoints.items) {
      if (!generations.has(checkpoint._id.slice(projection.name.length + 1))) await this.store.collection(CHECKPOINTS).deleteOne({ _id: checkpoint._id });
    }
    return dropped;
  }
}
