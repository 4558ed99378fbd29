import type { EventSchemaRegistry, EventStore, StoredEvent, Subscription } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { projectBatch } from './project-batch';
import { assertProjectionDefinition, type ProjectionDefinition } from './projection';
import { ProjectionCatalog, newGeneration, toGeneration, type Generation, type PointerDocument } from './projection-catalog';
import { ProjectionError } from './projection.errors';
import { ReadModels } from './read-models';
import { rebuildProjection, type RebuildProgress, type RebuildResult } from './rebuild-projection';

export type ProjectionState = 'starting' | 'rebuilding' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** The generation queries read; null before the first start. */
  readonly generation: string | null;
  readonly state: ProjectionState;
  /** Global position of the last event applied (the checkpoint). */
  readonly position: number;
  /** The event store's head position at the time of asking. */
  readonly head: number;
  /** head − position: events not yet reflected in the read model. */
  readonly lag: number;
  readonly error?: { readonly code?: string; readonly message: string; readonly at: string };
  /** While rebuilding into a new generation (version change); queries read the old one meanwhile. */
  readonly rebuild?: RebuildProgress;
}

export interface ProjectionRunnerOptions {
  readonly eventStore: EventStore;
  readonly store: ProjectionStore;
  readonly projections: readonly ProjectionDefinition[];
  /** Events per batch (one bulk write per collection, one checkpoint). Default 500. */
  readonly batchSize?: number;
  /** Upcasts events before handlers see them. */
  readonly schemas?: EventSchemaRegistry;
  /** How often to look for a switch-over made by another process (`projections rebuild`). Default 2000 ms. */
  readonly pointerPollMs?: number;
  /** First retry delay after a failure; doubles up to 30 s. Default 1000 ms. */
  readonly retryDelayMs?: number;
  readonly clock?: () => Date;
  /** Told about every failure (the runner retries on its own). */
  readonly onError?: (projection: string, error: unknown) => void;
}

class ProjectionWorker {
  state: ProjectionState = 'starting';
  generation: Generation | null = null;
  position = 0;
  error?: ProjectionStatus['error'];
  rebuildProgress?: RebuildProgress;

  private subscription?: Subscription;
  private stopped = false;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private watchTimer?: ReturnType<typeof setInterval>;
  private failures = 0;
  /** Serialises attach / detach / retry so they never overlap. */
  private control: Promise<void> = Promise.resolve();
  private readonly positionWaiters = new Set<() => void>();
  private markLive!: () => void;
  private failStart!: (error: unknown) => void;
  readonly live: Promise<void>;

  constructor(
    readonly projection: ProjectionDefinition,
    private readonly options: Required<Pick<ProjectionRunnerOptions, 'batchSize' | 'pointerPollMs' | 'retryDelayMs' | 'clock'>> & ProjectionRunnerOptions,
    private readonly catalog: ProjectionCatalog,
    private readonly readModels: ReadModels,
  ) {
    this.live = new Promise<void>((resolve, reject) => {
      this.markLive = resolve;
      this.failStart = reject;
    });
    this.live.catch(() => undefined);
  }

  start(): Promise<void> {
    this.enqueue(() => this.attach());
    this.watchTimer = setInterval(() => this.enqueue(() => this.checkPointer()), this.options.pointerPollMs);
    this.watchTimer.unref?.();
    return this.live;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchTimer) clearInterval(this.watchTimer);
    await this.control;
    await this.detach();
    this.state = 'stopped';
    this.positionWaiters.forEach((wake) => wake());
  }

  /** Look at the pointer now rather than at the next poll. */
  follow(): Promise<void> {
    this.enqueue(() => this.checkPointer());
    return this.control;
  }

  waitForPosition(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.position >= position || this.stopped) {
          this.positionWaiters.delete(check);
          resolve();
        }
      };
      this.positionWaiters.add(check);
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.control = this.control.then(() => (this.stopped ? undefined : step())).catch((error: unknown) => this.fail(error));
  }

  private async attach(): Promise<void> {
    this.state = 'starting';
    const pointer = await this.currentPointer();
    if (!pointer) return;
    const generation = toGeneration(pointer);
    this.generation = generation;
    this.readModels.setGeneration(this.projection.name, generation, true);
    this.position = await this.catalog.checkpoint(this.projection.name, generation.id);
    this.state = 'catching-up';
    const subscription = this.options.eventStore.subscribe({
      after: this.position,
      batchSize: this.options.batchSize,
      onEvents: (events) => this.onEvents(generation, events),
      onError: (error) => this.enqueue(async () => this.fail(error)),
    });
    this.subscription = subscription;
    subscription.caughtUp.then(
      () => {
        if (this.subscription !== subscription || this.state !== 'catching-up') return;
        this.state = 'live';
        this.failures = 0;
        this.error = undefined;
        this.markLive();
      },
      () => undefined,
    );
  }

  /** The pointer to run on: created on first start, rebuilt into a new generation when the version changed. */
  private async currentPointer(): Promise<PointerDocument | null> {
    const { projection } = this;
    let pointer = await this.catalog.pointer(projection.name);
    if (!pointer) {
      const generation = newGeneration(projection, this.options.clock());
      await this.catalog.createCollections(projection, generation);
      pointer = await this.catalog.createPointer(projection.name, generation, this.options.clock());
      if (pointer.generation !== generation.id) await this.catalog.dropGeneration(projection, generation);
    }
    if (pointer.version > projection.version) {
      throw new ProjectionError(
        'PROJECTION.VERSION_AHEAD',
        `${projection.name} is served at version ${pointer.version} by newer code; this process has version ${projection.version} and will not write.`,
        'version',
      );
    }
    if (pointer.version < projection.version) {
      // Queries keep reading the old generation while the new one is built.
      this.generation = toGeneration(pointer);
      this.state = 'rebuilding';
      try {
        await rebuildProjection({
          eventStore: this.options.eventStore,
          store: this.options.store,
          projection,
          batchSize: Math.max(this.options.batchSize, 1_000),
          clock: this.options.clock,
          ...(this.options.schemas ? { schemas: this.options.schemas } : {}),
          onProgress: (progress) => {
            this.rebuildProgress = progress;
          },
        });
      } catch (error) {
        // Another process finished the same rebuild first: use its generation.
        if (!(error instanceof ProjectionError && error.code === 'PROJECTION.REBUILD_CONFLICT')) throw error;
      } finally {
        this.rebuildProgress = undefined;
      }
      return this.currentPointer();
    }
    return pointer;
  }

  private async onEvents(generation: Generation, events: readonly StoredEvent[]): Promise<void> {
    const outcome = await projectBatch(
      {
        store: this.options.store,
        catalog: this.catalog,
        projection: this.projection,
        generation,
        clock: this.options.clock,
        ...(this.options.schemas ? { schemas: this.options.schemas } : {}),
      },
      events,
    );
    this.position = outcome.position;
    this.positionWaiters.forEach((wake) => wake());
  }

  /** Follows a switch-over made elsewhere (the CLI's rebuild): continue on the new generation from its checkpoint. */
  private async checkPointer(): Promise<void> {
    if (!this.generation || this.state === 'rebuilding' || this.state === 'failed') return;
    const pointer = await this.catalog.pointer(this.projection.name);
    if (!pointer || pointer.generation === this.generation.id) return;
    await this.detach();
    await this.attach();
  }

  private async detach(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  private async fail(error: unknown): Promise<void> {
    await this.detach().catch(() => undefined);
    if (this.stopped) return;
    this.state = 'failed';
    this.error = {
      ...(error instanceof Error && 'code' in error && typeof error.code === 'string' ? { code: error.code } : {}),
      message: error instanceof Error ? error.message : String(error),
      at: this.options.clock().toISOString(),
    };
    this.failStart(error);
    this.options.onError?.(this.projection.name, error);
    if (error instanceof ProjectionError && error.code === 'PROJECTION.VERSION_AHEAD') return;
    const delay = Math.min(30_000, this.options.retryDelayMs * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => this.enqueue(() => this.attach()), delay);
    this.retryTimer.unref?.();
  }
}

/**
 * Keeps every registered projection up to date: one catch-up subscription per projection,
 * from its own checkpoint. See docs/projections.md for why a crash can neither skip nor
 * double-apply an event.
 */
export class ProjectionRunner {
  readonly readModels: ReadModels;
  private readonly workers: ReadonlyMap<string, ProjectionWorker>;
  private readonly options: ConstructorParameters<typeof ProjectionWorker>[1];
  private readonly catalog: ProjectionCatalog;

  constructor(options: ProjectionRunnerOptions) {
    const names = new Set<string>();
    for (const projection of options.projections) {
      assertProjectionDefinition(projection);
      if (names.has(projection.name)) throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `Two projections are named ${projection.name}.`, 'name');
      names.add(projection.name);
    }
    this.options = { batchSize: 500, pointerPollMs: 2_000, retryDelayMs: 1_000, clock: () => new Date(), ...options };
    this.catalog = new ProjectionCatalog(options.store);
    this.readModels = new ReadModels(options.store);
    this.workers = new Map(options.projections.map((projection) => [projection.name, new ProjectionWorker(projection, this.options, this.catalog, this.readModels)]));
  }

  /** Resolves once every projection has caught up with the store; rejects with the first failure before that (retries continue). */
  async start(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.eventStore.headPosition();
    return [...this.workers.values()].map((worker) => ({
      name: worker.projection.name,
      version: worker.projection.version,
      generation: worker.generation?.id ?? null,
      state: worker.state,
      position: worker.position,
      head,
      lag: Math.max(0, head - worker.position),
      ...(worker.error ? { error: worker.error } : {}),
      ...(worker.rebuildProgress ? { rebuild: worker.rebuildProgress } : {}),
    }));
  }

  /** True when every projection is live (for `/health/ready`). */
  async ready(): Promise<boolean> {
    return (await this.status()).every((status) => status.state === 'live');
  }

  /**
   * Read-your-writes: resolves once the named projections (default: all) have applied the
   * event at `position` (e.g. `AppendResult.lastGlobalPosition`). Rejects with
   * PROJECTION.TIMEOUT after `timeoutMs` (default 5000).
   */
  async waitForPosition(position: number, options: { readonly projections?: readonly string[]; readonly timeoutMs?: number } = {}): Promise<void> {
    const workers = (options.projections ?? [...this.workers.keys()]).map((name) => this.worker(name));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProjectionError('PROJECTION.TIMEOUT', `Projections did not reach position ${position} within ${options.timeoutMs ?? 5_000} ms.`)),
        options.timeoutMs ?? 5_000,
      );
    });
    try {
      await Promise.race([Promise.all(workers.map((worker) => worker.waitForPosition(position))), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Rebuilds one projection into a fresh generation and switches over; the running worker
   * follows the new pointer. Queries keep answering from the old generation meanwhile.
   */
  async rebuild(name: string, options: { readonly onProgress?: (progress: RebuildProgress) => void; readonly signal?: AbortSignal } = {}): Promise<RebuildResult> {
    const worker = this.worker(name);
    const result = await rebuildProjection({
      eventStore: this.options.eventStore,
      store: this.options.store,
      projection: worker.projection,
      clock: this.options.clock,
      batchSize: Math.max(this.options.batchSize, 1_000),
      ...(this.options.schemas ? { schemas: this.options.schemas } : {}),
      ...options,
    });
    await worker.follow();
    return result;
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new ProjectionError('PROJECTION.UNKNOWN', `No projection named ${name} is registered.`, 'name');
    return worker;
  }
}
