import type { EventSchemaRegistry, StoredEvent } from '@leerzone/kernel';
import type { Delivery } from '@leerzone/messaging';
import type { ProjectionStore } from '@leerzone/projection-store';
import { ProjectionCatalog, newGeneration, toGeneration, type Generation } from './projection-catalog';
import { ProjectionError } from './projection.errors';
import { assertProjectionDefinition, type DocumentWriter, type ProjectionDefinition, type ProjectionWriter } from './projection';
import { projectBatch } from './project-batch';

/**
 * Wraps the application of one delivered event to a projection: `apply` must be called
 * synchronously and its throw passed on (the batch writer relies on it). The process passes
 * its tracing here (nest-platform's `tracedApply`), so this library stays free of
 * infrastructure; without one, the event is simply applied.
 */
export type ApplyInstrument = (projection: string, event: StoredEvent, traceparent: string | undefined, apply: () => void) => void;

export interface BusProjectionOptions {
  readonly projection: ProjectionDefinition;
  /**
   * Consumer group prefix (`analytics.team-overview`). The group joined is
   * `<prefix>.<generation>`: a new generation of the read model (first start, a new
   * version, or a read-model store that starts empty, like `memory:`) reads the topics from
   * the start, while instances sharing a generation share the group and resume where it
   * committed.
   */
  readonly group: string;
  /** Services whose events feed the projection. */
  readonly sources: readonly string[];
  readonly store: ProjectionStore;
  /** Upcasts older schema versions on arrival; newer ones are dead-lettered. */
  readonly schemas?: EventSchemaRegistry;
  /** Checks an event before the projection sees it; throwing dead-letters the event. */
  readonly validate?: (event: StoredEvent) => void;
  readonly clock?: () => Date;
  /** Runs around each event's handler, e.g. inside a span continuing its delivery's trace. */
  readonly instrument?: ApplyInstrument;
}

/**
 * A read model fed by other services' events over the bus: the projection library's
 * definitions, generations, per-document guard and checksum, with Kafka as the source
 * instead of the local store.
 *
 * Idempotent by the per-document guard: each document carries the global position (in the
 * producing store) of the last event applied to it, and a write lands only past it. So a
 * redelivered batch, or the relay's resend after a crash, changes nothing. Two rules make
 * that sound over a partitioned topic, where only one stream's events arrive in order:
 * - **each document is written by the events of one stream** (one aggregate) only — a
 *   document fed by several streams could meet a later event from another partition first
 *   and then skip an earlier one;
 * - **no deletes** — a purged tombstone could be resurrected by a resent older event; mark
 *   documents instead (`status: 'closed'`). A delete fails the event (and dead-letters it).
 *
 * The checkpoint the projection library keeps per generation is the highest global position
 * seen (not a resume point: Kafka offsets are); where to resume is the consumer group's,
 * which is tied to the generation. A new generation can only be filled with what the topics
 * still retain (7 days by default): keep the read model in a durable store in production.
 */
export class BusProjection {
  readonly sources: readonly string[];
  readonly schemas?: EventSchemaRegistry;
  readonly validate?: (event: StoredEvent) => void;
  private readonly catalog: ProjectionCatalog;
  private readonly clock: () => Date;
  private generation: Generation | undefined;

  constructor(private readonly options: BusProjectionOptions) {
    assertProjectionDefinition(options.projection);
    this.sources = options.sources;
    if (options.schemas) this.schemas = options.schemas;
    if (options.validate) this.validate = options.validate;
    this.catalog = new ProjectionCatalog(options.store);
    this.clock = options.clock ?? (() => new Date());
  }

  get name(): string {
    return this.options.projection.name;
  }

  /** `<prefix>.<generation>` once prepared; the prefix alone before. */
  get group(): string {
    return this.generation ? `${this.options.group}.${this.generation.id}` : this.options.group;
  }

  /**
   * Makes sure a generation of this version answers queries: the first start creates it; a
   * new version creates a fresh one and switches to it at once (its new consumer group
   * fills it from the start of the topics). Two instances starting together agree on one.
   * A store that kept its generation keeps its group, and the group resumes.
   */
  async prepare(): Promise<void> {
    const { projection } = this.options;
    for (let attempt = 0; attempt < 5; attempt++) {
      const pointer = await this.catalog.pointer(projection.name);
      if (pointer && pointer.version === projection.version) {
        this.generation = toGeneration(pointer);
        return;
      }
      if (pointer && pointer.version > projection.version) {
        throw new ProjectionError(
          'PROJECTION.NEWER_VERSION_RUNNING',
          `${projection.name} is at version ${pointer.version}; this process has version ${projection.version} and must not write it.`,
          'version',
        );
      }
      const generation = newGeneration(projection, this.clock(), pointer?.generation);
      await this.catalog.createCollections(projection, generation);
      if (await this.catalog.switchTo(projection.name, pointer?.generation ?? null, generation, this.clock())) {
        this.generation = generation;
        return;
      }
      await this.catalog.dropGeneration(projection, generation);
    }
    throw new ProjectionError('PROJECTION.REBUILD_CONFLICT', `${projection.name}: could not agree on a generation with other instances.`, 'name');
  }

  readonly handle = async (deliveries: readonly Delivery[]): Promise<void> => {
    const generation = this.generation;
    if (!generation) throw new ProjectionError('PROJECTION.NOT_STARTED', `${this.name} received events before prepare().`);
    const parents = new Map(deliveries.map((delivery) => [delivery.event.eventId, delivery.traceparent ?? delivery.event.traceparent]));
    await projectBatch(
      { store: this.options.store, catalog: this.catalog, projection: instrumented(this.options.projection, parents, this.options.instrument), generation, clock: this.clock },
      deliveries.map((delivery) => delivery.event),
    );
  };
}

const refuseDeletes = (projection: string, writer: ProjectionWriter): ProjectionWriter => ({
  collection: <T extends Record<string, unknown> & { _id: string }>(name: string): DocumentWriter<T> => {
    const inner = writer.collection<T>(name);
    return {
      upsert: (id, update) => inner.upsert(id, update),
      update: (id, update) => inner.update(id, update),
      put: (id, document) => inner.put(id, document),
      delete: (id) => {
        throw new ProjectionError(
          'PROJECTION.DELETE_OVER_BUS',
          `${projection} deletes ${name}/${id}, but a projection fed over the bus cannot delete: a resent older event could bring the document back. Mark it instead.`,
          'id',
        );
      },
    };
  },
});

/** The projection as the batch writer runs it over the bus: deletes refused, each event's handler inside `instrument`. */
function instrumented(projection: ProjectionDefinition, parents: ReadonlyMap<string, string | undefined>, instrument: ApplyInstrument | undefined): ProjectionDefinition {
  return {
    ...projection,
    apply(event, writer) {
      const apply = () => projection.apply(event, refuseDeletes(projection.name, writer));
      if (instrument) instrument(projection.name, event, parents.get(event.eventId) ?? event.traceparent, apply);
      else apply();
    },
  };
}
