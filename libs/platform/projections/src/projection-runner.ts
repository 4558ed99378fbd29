import type { EventSchemaRegistry, EventStore, Lease, StoredEvent, Subscription } from '@leerzone/kernel';
import { LeasedWorker } from '@leerzone/messaging';
import type { ProjectionStore } from '@leerzone/projection-store';
import { projectBatch } from './project-batch';
import { assertProjectionDefinition, type ProjectionDefinition } from './projection';
import { ProjectionCatalog, newGeneration, toGeneration, type Generation, type PointerDocument } from './projection-catalog';
import { ProjectionError } from './projection.errors';
import { ReadModels } from './read-models';
import { rebuildProjection, type RebuildProgress, type RebuildResult } from './rebuild-projection';

/** `standby`: another instance holds the projections' lease and runs them; this one follows their checkpoints. */
export type ProjectionState = 'starting' | 'rebuilding' | 'catching-up' | 'live' | 'failed' | 'stopped' | 'standby';

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
  /**
   * Several instances over one store: the projections run only in the instance holding this
   * lease (confirmed before every batch is written); the others stand by, answer queries from
   * the same read models and follow the holder's checkpoints. Default: run unconditionally.
   */
  readonly lease?: Lease;
  /** How often a standby instance tries to take the lease, and the holder confirms it. Default 1000 ms. */
  readonly leaseRetryMs?: number;
  /** How often a standby instance reads the holder's checkpoints (status, read-your-writes). Default 200 ms. */
  readonly standbyPollMs?: number;
  /** Told when this instance starts or stops running the projections. */
  readonly onLeadershipChange?: (leading: boolean) => void;
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
    // The fence: a holder that lost its lease writes nothing more (another instance may run now).
    if (this.options.lease && !(await this.options.lease.confirm())) {
      throw new ProjectionError('PROJECTION.LEASE_LOST', `${this.projection.name}: this instance no longer holds the projections' lease; it stops writing.`);
    }
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
  private workers: ReadonlyMap<string, ProjectionWorker>;
  private readonly options: ConstructorParameters<typeof ProjectionWorker>[1];
  private readonly catalog: ProjectionCatalog;
  private readonly leased: LeasedWorker | undefined;
  /** While standing by: the holder's generation and checkpoint of each projection, as last read. */
  private readonly followed = new Map<string, { generation: Generation | null; position: number }>();
  private standbyTimer: ReturnType<typeof setTimeout> | undefined;
  private leading: boolean;
  private stopped = false;
  private followWake = new Set<() => void>();

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
    this.workers = this.newWorkers();
    this.leading = !options.lease;
    this.leased = options.lease
      ? new LeasedWorker({
          lease: options.lease,
          retryMs: options.leaseRetryMs ?? 1_000,
          confirmMs: options.leaseRetryMs ?? 1_000,
          work: { start: () => this.lead(), stop: () => this.standBy() },
          onChange: (leading) => options.onLeadershipChange?.(leading),
          onError: (error) => options.onError?.('lease', error),
        })
      : undefined;
  }

  private newWorkers(): Map<string, ProjectionWorker> {
    return new Map(this.options.projections.map((projection) => [projection.name, new ProjectionWorker(projection, this.options, this.catalog, this.readModels)]));
  }

  /**
   * Resolves once every projection has caught up with the store; rejects with the first failure before that (retries continue).
   * With a lease: once this instance leads and has caught up, or stands by and has read the holder's checkpoints.
   */
  async start(): Promise<void> {
    if (!this.leased) {
      await Promise.all([...this.workers.values()].map((worker) => worker.start()));
      return;
    }
    await this.follow();
    await this.leased.start();
    if (this.leading) await Promise.all([...this.workers.values()].map((worker) => worker.live));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.standbyTimer) clearTimeout(this.standbyTimer);
    if (this.leased) await this.leased.stop();
    else await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.followWake.forEach((wake) => wake());
  }

  /** True while this instance runs the projections (always, without a lease). */
  get isLeading(): boolean {
    return this.leading;
  }

  // Won the lease: fresh workers from the checkpoints the last holder left.
  private async lead(): Promise<void> {
    if (this.standbyTimer) clearTimeout(this.standbyTimer);
    this.workers = this.newWorkers();
    this.leading = true;
    for (const worker of this.workers.values()) void worker.start().catch(() => undefined);
    // Waiters that followed the old holder wait on this instance's workers now.
    this.followWake.forEach((wake) => wake());
  }

  // Lost (or gave up) the lease: stop writing, then follow whoever holds it now.
  private async standBy(): Promise<void> {
    this.leading = false;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    if (!this.stopped) await this.follow();
  }

  private async follow(): Promise<void> {
    if (this.leading || this.stopped) return;
    try {
      for (const projection of this.options.projections) {
        const pointer = await this.catalog.pointer(projection.name);
        const generation = pointer ? toGeneration(pointer) : null;
        const position = generation ? await this.catalog.checkpoint(projection.name, generation.id) : 0;
        // Queries follow the holder's switch-overs (not pinned: the holder may switch again).
        if (generation) this.readModels.setGeneration(projection.name, generation, false);
        this.followed.set(projection.name, { generation, position });
      }
      this.followWake.forEach((wake) => wake());
    } catch (error) {
      this.options.onError?.('standby', error);
    } finally {
      if (!this.leading && !this.stopped) {
        if (this.standbyTimer) clearTimeout(this.standbyTimer);
        this.standbyTimer = setTimeout(() => void this.follow(), this.options.standbyPollMs ?? 200);
        this.standbyTimer.unref?.();
      }
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.eventStore.headPosition();
    if (!this.leading && !this.stopped) {
      return this.options.projections.map((projection) => {
        const followed = this.followed.get(projection.name);
        const position = followed?.position ?? 0;
        return { name: projection.name, version: projection.version, generation: followed?.generation?.id ?? null, state: 'standby' as const, position, head, lag: Math.max(0, head - position) };
      });
    }
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

  /** True when every projection is live, or this instance stands by for the one that runs them (for `/health/ready`). */
  async ready(): Promise<boolean> {
    return (await this.status()).every((status) => status.state === 'live' || status.state === 'standby');
  }

  /**
   * Read-your-writes: resolves once the named projections (default: all) have applied the
   * event at `position` (e.g. `AppendResult.lastGlobalPosition`) — in this instance, or in the
   * one holding the lease. Rejects with PROJECTION.TIMEOUT after `timeoutMs` (default 5000).
   */
  async waitForPosition(position: number, options: { readonly projections?: readonly string[]; readonly timeoutMs?: number } = {}): Promise<void> {
    const names = options.projections ?? [...this.workers.keys()];
    for (const name of names) this.worker(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProjectionError('PROJECTION.TIMEOUT', `Projections did not reach position ${position} within ${options.timeoutMs ?? 5_000} ms.`)),
        options.timeoutMs ?? 5_000,
      );
    });
    try {
      await Promise.race([Promise.all(names.map((name) => this.reached(name, position))), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Across leadership changes: a stopped worker wakes its waiters, then the loop looks again.
  private async reached(name: string, position: number): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (this.leading) {
        const worker = this.worker(name);
        await worker.waitForPosition(position);
        if (worker.position >= position) return;
      } else {
        if ((this.followed.get(name)?.position ?? 0) >= position) return;
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.followWake.delete(wake);
            resolve();
          };
          this.followWake.add(wake);
        });
      }
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
    if (this.leading) await worker.follow();
    return result;
  }

  private worker(name: string): ProjectionWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new ProjectionError('PROJECTION.UNKNOWN', `No projection named ${name} is registered.`, 'name');
    return worker;
  }
}
