import { Global, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventSchemaRegistry, EventStore } from '@leerzone/kernel';
import { CLOCK, EVENT_SCHEMAS, EVENT_STORE, NEW_ID, ReadinessRegistry } from '@leerzone/nest-platform';
import { InMemoryProjectionStore, type ProjectionStore } from '@leerzone/projection-store';
import { CheckpointWriter, startPeriodicCheckpoints, type PeriodicCheckpoints } from '../integrity/audit-checkpoints';
import { CheckpointSigner } from '../integrity/checkpoint-keys';
import { AuditIndex } from '../trail/audit-index';
import { AuditRegistry, type AnyAuditedAggregate } from '../trail/audit-registry';
import { AuditTrail } from '../trail/audit-trail';
import { ReadRecorder } from '../trail/read-recorder';
import { AuditController } from './audit.controller';

export interface AuditModuleOptions {
  /** Aggregates known from the start; services can add theirs with `AuditModule.forFeature`. */
  readonly aggregates?: readonly AnyAuditedAggregate[];
  /** Where the audit index lives. Default: in memory, rebuilt from the store at start. */
  readonly indexStore?: () => Promise<ProjectionStore>;
  /** Sign checkpoints periodically with this key (created on first use). */
  readonly checkpoints?: { readonly keyFile: string; readonly intervalMs?: number };
}

const INDEX_STORE = Symbol('AUDIT_INDEX_STORE');

/** Starts the index (ready once caught up) and the checkpoint timer; stops both on shutdown. */
class AuditLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private periodic: PeriodicCheckpoints | undefined;
  private ready = false;

  constructor(
    private readonly index: AuditIndex,
    private readonly indexStore: ProjectionStore,
    private readonly options: AuditModuleOptions,
    private readonly store: EventStore,
    private readonly newId: () => string,
    private readonly readiness: ReadinessRegistry,
    private readonly signer: CheckpointSigner | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register({ name: 'audit-index', check: async () => ({ ready: this.ready, details: await this.index.status() }) });
    await this.index.start();
    this.ready = true;
    if (this.signer) {
      const writer = new CheckpointWriter({ store: this.store, signer: this.signer, newId: this.newId });
      this.periodic = startPeriodicCheckpoints(writer, { ...(this.options.checkpoints?.intervalMs ? { intervalMs: this.options.checkpoints.intervalMs } : {}) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
    await this.index.stop();
    await this.indexStore.close();
  }
}

/** Registers a service's aggregates with the audit API, if the process hosts one. */
class AuditFeatureRegistration {
  constructor(registry: AuditRegistry | undefined, aggregates: readonly AnyAuditedAggregate[]) {
    registry?.register(...aggregates);
  }
}

/**
 * The audit API (`/api/audit/*`, roles auditor or admin) over the process's event store.
 * Needs the PlatformModule. Import `AuditModule.forRoot()` once in the runner, and
 * `AuditModule.forFeature([...aggregates])` in each service module.
 */
@Global()
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [
        { provide: AuditRegistry, useFactory: () => new AuditRegistry().register(...(options.aggregates ?? [])) },
        { provide: INDEX_STORE, useFactory: () => (options.indexStore ? options.indexStore() : new InMemoryProjectionStore()) },
        { provide: AuditIndex, useFactory: (store: EventStore, indexStore: ProjectionStore) => new AuditIndex({ eventStore: store, store: indexStore }), inject: [EVENT_STORE, INDEX_STORE] },
        { provide: ReadRecorder, useFactory: (store: EventStore, newId: () => string, clock: () => Date) => new ReadRecorder(store, newId, clock), inject: [EVENT_STORE, NEW_ID, CLOCK] },
        {
          provide: AuditTrail,
          useFactory: (store: EventStore, index: AuditIndex, registry: AuditRegistry, recorder: ReadRecorder, schemas?: EventSchemaRegistry) => new AuditTrail(store, index, registry, recorder, schemas),
          inject: [EVENT_STORE, AuditIndex, AuditRegistry, ReadRecorder, { token: EVENT_SCHEMAS, optional: true }],
        },
        ...(options.checkpoints ? [{ provide: CheckpointSigner, useFactory: () => CheckpointSigner.loadOrCreate(options.checkpoints!.keyFile) }] : []),
        {
          provide: AuditLifecycle,
          useFactory: (index: AuditIndex, indexStore: ProjectionStore, store: EventStore, newId: () => string, readiness: ReadinessRegistry, signer?: CheckpointSigner) =>
            new AuditLifecycle(index, indexStore, options, store, newId, readiness, signer),
          inject: [AuditIndex, INDEX_STORE, EVENT_STORE, NEW_ID, ReadinessRegistry, { token: CheckpointSigner, optional: true }],
        },
      ],
      exports: [AuditRegistry, AuditTrail, AuditIndex],
    };
  }

  static forFeature(aggregates: readonly AnyAuditedAggregate[]): DynamicModule {
    // A class per call: Nest deduplicates dynamic modules of one class, and two services' registrations must both run.
    @Module({})
    class AuditFeatureModule {}
    const token = Symbol(`AUDIT_FEATURE:${aggregates.map((a) => a.streamPrefix).join(',')}`);
    return {
      module: AuditFeatureModule,
      providers: [{ provide: token, useFactory: (registry?: AuditRegistry) => new AuditFeatureRegistration(registry, aggregates), inject: [{ token: AuditRegistry, optional: true }] }],
    };
  }
}
