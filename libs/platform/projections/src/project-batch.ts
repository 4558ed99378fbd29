import type { EventSchemaRegistry, StoredEvent } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { BatchWriter } from './batch-writer';
import type { GenerationCache } from './generation-cache';
import type { ProjectionDefinition } from './projection';
import type { Generation, ProjectionCatalog } from './projection-catalog';

export interface BatchContext {
  readonly store: ProjectionStore;
  readonly catalog: ProjectionCatalog;
  readonly projection: ProjectionDefinition;
  readonly generation: Generation;
  readonly schemas?: EventSchemaRegistry;
  readonly clock: () => Date;
  /**
   * The generation is written by this caller alone and read by no one yet (a rebuild before
   * its switch-over): writes are folded per document (`BatchWriter.flushFolded`), and no
   * checkpoint is written per batch — a failed rebuild drops the generation, so only its
   * final checkpoint, written before the switch, is ever read.
   */
  readonly exclusive?: boolean;
  /** With `exclusive`: what the rebuild's earlier batches wrote, so this one reads nothing it wrote itself. */
  readonly generationCache?: GenerationCache;
}

export interface BatchOutcome {
  readonly position: number;
  readonly handled: number;
  readonly writes: number;
  readonly skipped: number;
}

/**
 * One step of a projection: run the handlers over a batch, write their effects, then move
 * the checkpoint. The order matters: the checkpoint is written only after every write of
 * the batch was acknowledged, so a crash anywhere leaves the checkpoint at or before the
 * last fully written event, and the per-document guard makes the replay of the rest exact.
 */
export async function projectBatch(context: BatchContext, events: readonly StoredEvent[]): Promise<BatchOutcome> {
  const { projection, generation } = context;
  const position = events[events.length - 1]!.globalPosition;
  const handles = new Set(projection.handles);
  const writer = new BatchWriter(projection, generation.collections);
  let handled = 0;
  for (const event of events) {
    if (!handles.has(event.type)) continue;
    writer.apply(context.schemas ? context.schemas.upcast(event) : event);
    handled++;
  }
  const flushed = writer.size === 0 ? { writes: 0, skipped: 0, tombstoned: [] } : context.exclusive ? await writer.flushFolded(context.store, context.generationCache) : await writer.flush(context.store);
  if (!context.exclusive) await context.catalog.saveCheckpoint(projection.name, generation.id, position, context.clock());
  for (const physical of flushed.tombstoned) await context.catalog.purgeTombstones(physical, position);
  return { position, handled, writes: flushed.writes, skipped: flushed.skipped };
}
