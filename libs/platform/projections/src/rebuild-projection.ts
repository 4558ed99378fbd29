import type { EventSchemaRegistry, EventStore } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { GenerationCache } from './generation-cache';
import { projectBatch } from './project-batch';
import { assertProjectionDefinition, type ProjectionDefinition } from './projection';
import { ProjectionCatalog, newGeneration, type Generation } from './projection-catalog';
import { ProjectionError } from './projection.errors';

export interface RebuildProgress {
  readonly projection: string;
  readonly generation: string;
  /** Global position projected so far. */
  readonly position: number;
  /** The store's head when last looked at (it moves while writers keep appending). */
  readonly target: number;
  /** Events read from the store so far. */
  readonly events: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Estimated seconds left at the current rate; null before there is a rate. */
  readonly etaSeconds: number | null;
}

export interface RebuildOptions {
  readonly eventStore: EventStore;
  readonly store: ProjectionStore;
  readonly projection: ProjectionDefinition;
  /** Events per read and per write round. Default 1000. */
  readonly batchSize?: number;
  readonly schemas?: EventSchemaRegistry;
  readonly clock?: () => Date;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Aborting stops the rebuild and drops its half-built collections; queries never saw them. */
  readonly signal?: AbortSignal;
  /** Drop generations older than the one replaced. Default true. */
  readonly dropStale?: boolean;
  /**
   * Documents the rebuild keeps in memory between batches, so a batch reads back nothing the
   * rebuild wrote itself (see GenerationCache). Past it, batches read from the store. Default 50,000.
   */
  readonly cachedDocuments?: number;
}

export interface RebuildResult {
  readonly projection: string;
  readonly generation: string;
  readonly previous: string | null;
  readonly position: number;
  readonly events: number;
  /** Document writes the handlers asked for. */
  readonly writes: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  readonly dropped: readonly string[];
}

/**
 * Replays the whole event store into a fresh generation of the projection's collections,
 * then switches the pointer to it. Until the switch, queries keep reading the previous
 * generation; a running runner notices the new pointer and continues from the rebuilt
 * generation's checkpoint.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { eventStore, store, projection } = options;
  assertProjectionDefinition(projection);
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 1_000;
  const catalog = new ProjectionCatalog(store);
  const before = await catalog.pointer(projection.name);
  const generation: Generation = newGeneration(projection, clock(), before?.generation);
  const started = Date.now();
  let position = 0;
  let events = 0;
  let writes = 0;
  const progress = (target: number): void => {
    if (!options.onProgress) return;
    const elapsedMs = Date.now() - started;
    const eventsPerSecond = elapsedMs > 0 ? (events / elapsedMs) * 1000 : 0;
    const left = Math.max(0, target - position);
    options.onProgress({
      projection: projection.name,
      generation: generation.id,
      position,
      target,
      events,
      elapsedMs,
      eventsPerSecond,
      etaSeconds: eventsPerSecond > 0 ? left / eventsPerSecond : null,
    });
  };

  await catalog.createCollections(projection, generation);
  const generationCache = new GenerationCache(options.cachedDocuments);
  try {
    let target = await eventStore.headPosition();
    progress(target);
    for (;;) {
      if (options.signal?.aborted) throw new ProjectionError('PROJECTION.REBUILD_ABORTED', `Rebuild of ${projection.name} was aborted.`);
      const batch = await eventStore.readAll({ after: position, limit: batchSize });
      if (batch.length === 0) break;
      // The fresh generation is this rebuild's alone until the switch: its writes are folded per document.
      const outcome = await projectBatch({ store, catalog, projection, generation, clock, exclusive: true, generationCache, ...(options.schemas ? { schemas: options.schemas } : {}) }, batch);
      position = outcome.position;
      events += batch.length;
      writes += outcome.writes;
      if (position > target) target = await eventStore.headPosition();
      progress(target);
    }
    // The batches wrote no checkpoints (see projectBatch's `exclusive`): the one a runner continues from.
    await catalog.saveCheckpoint(projection.name, generation.id, position, clock());
    const switched = await catalog.switchTo(projection.name, before?.generation ?? null, generation, clock());
    if (!switched) {
      throw new ProjectionError('PROJECTION.REBUILD_CONFLICT', `Another rebuild of ${projection.name} switched over first; this one was discarded.`, 'name');
    }
  } catch (error) {
    await catalog.dropGeneration(projection, generation).catch(() => undefined);
    throw error;
  }
  const dropped = options.dropStale === false ? [] : await catalog.dropStaleGenerations(projection);
  const durationMs = Date.now() - started;
  return {
    projection: projection.name,
    generation: generation.id,
    previous: before?.generation ?? null,
    position,
    events,
    writes,
    durationMs,
    eventsPerSecond: durationMs > 0 ? (events / durationMs) * 1000 : events,
    dropped,
  };
}
