import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventSchemaRegistry, EventStore, LeaseProvider } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { projectionLag } from '@leerzone/observability';
import { ProjectionRunner, type ProjectionDefinition, type ReadModels } from '@leerzone/projections';
import { ReadinessRegistry } from '../health/readiness';
import { EVENT_SCHEMAS, EVENT_STORE, PROJECTION_LEASES, PROJECTION_STORE } from '../tokens';

/**
 * Hosts the projection runner of a process. Service modules register their projections
 * while the application initialises; the runner starts once every module has done so and
 * catches up in the background, while /health/ready reports the lag.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly definitions: ProjectionDefinition[] = [];
  private runner: ProjectionRunner | undefined;
  private unobserveLag: (() => void) | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTION_STORE) private readonly store: ProjectionStore,
    private readonly readiness: ReadinessRegistry,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
    @Inject(PROJECTION_LEASES) private readonly leases: LeaseProvider | null,
  ) {
    readiness.register({
      name: 'projections',
      check: async () => {
        const status = this.runner ? await this.runner.status() : [];
        // A standby instance (another one holds the projections' lease) serves the holder's read models.
        return { ready: this.runner !== undefined && status.every((s) => s.state === 'live' || s.state === 'standby'), details: { projections: status } };
      },
    });
  }

  /** Call from a service module's constructor or onModuleInit. */
  register(...definitions: ProjectionDefinition[]): void {
    if (this.runner) throw new Error('Projections must be registered before the application starts.');
    this.definitions.push(...definitions);
  }

  get readModels(): ReadModels {
    if (!this.runner) throw new Error('The projection runner has not started yet.');
    return this.runner.readModels;
  }

  /** Read-your-writes: wait until the read models reflect the event at `position`. */
  async settle(position: number, timeoutMs = 5_000): Promise<void> {
    if (this.runner) await this.runner.waitForPosition(position, { timeoutMs });
  }

  onApplicationBootstrap(): void {
    this.runner = new ProjectionRunner({
      eventStore: this.eventStore,
      store: this.store,
      projections: this.definitions,
      schemas: this.schemas,
      onError: (projection, error) => this.logger.error(`${projection}: ${error instanceof Error ? error.message : String(error)}`),
      ...(this.leases
        ? {
            lease: this.leases.lease('projections'),
            onLeadershipChange: (leading: boolean) =>
              this.logger.log(leading ? 'This instance holds the projections lease: it runs the projections.' : 'Standing by: another instance runs the projections.'),
          }
        : {}),
    });
    const runner = this.runner;
    // The leerzone.projection.lag gauge: events in the store not yet in each read model.
    this.unobserveLag = projectionLag.observe(async () =>
      (await runner.status()).map((s) => ({ value: s.lag, attributes: { 'leerzone.projection.name': s.name } })),
    );
    const started = Date.now();
    this.runner.start().then(
      () => this.logger.log(`${this.definitions.length} projections caught up in ${Date.now() - started} ms`),
      (error: unknown) => this.logger.error(`Projections failed to catch up (retrying): ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unobserveLag?.();
    await this.runner?.stop();
  }
}
