import { Controller, Get, HttpStatus, Inject, Logger, Res, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { EVENT_STORE, PROJECTION_STORE } from '../tokens';
import { ReadinessRegistry, type ReadinessCheck } from './readiness';

/** A check that does not answer within this long counts as failed (a store that hangs is not a store that answers). */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;
/** After SIGTERM, the process exits within this long even if a shutdown step hangs (a broker that is gone, a stuck query). */
export const SHUTDOWN_BOUND_MS = 20_000;

const bounded = async (check: ReadinessCheck): Promise<{ ready: boolean; details?: Record<string, unknown> }> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)), READINESS_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.check(), late]);
  } finally {
    clearTimeout(timer);
  }
};

// Set by the start function (or a parent via LEERZONE_INSTANCE_ID) before the app is created.
const INSTANCE_ID = (): string => process.env['LEERZONE_INSTANCE_ID'] ?? 'unnamed';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Health');
  private shuttingDown: { since: string; signal?: string } | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private readonly stores: readonly ReadinessCheck[];

  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(PROJECTION_STORE) projectionStore: ProjectionStore,
  ) {
    // The stores themselves, asked on every probe: a store that is unreachable makes the service not ready even when nothing else notices.
    this.stores = [
      { name: 'event-store', check: async () => ({ ready: true, details: { head: await eventStore.headPosition() } }) },
      { name: 'projection-store', check: async () => ({ ready: true, details: { collections: (await projectionStore.listCollections()).length } }) },
    ];
  }

  /**
   * Shutdown begins (SIGTERM): readiness says so at once, so a load balancer stops sending
   * while consumers drain and commit; and the process is bounded — if a step hangs, it
   * exits after SHUTDOWN_BOUND_MS. (`app.close()` without a signal, as tests do, arms no bound.)
   */
  beforeApplicationShutdown(signal?: string): void {
    this.shuttingDown = { since: new Date().toISOString(), ...(signal ? { signal } : {}) };
    if (!signal) return;
    this.watchdog = setTimeout(() => {
      this.logger.error(`Shutdown after ${signal} did not finish within ${SHUTDOWN_BOUND_MS} ms; exiting now.`);
      process.exit(1);
    }, SHUTDOWN_BOUND_MS);
    this.watchdog.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.watchdog);
  }

  @Get('live')
  @ApiOperation({ summary: 'The process is up. `instanceId` tells one process from another that later took its port.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['up'] }, instanceId: { type: 'string' } }, example: { status: 'up', instanceId: '5b0e3c0e-8d9f-4b57-9a4f-2f1d0c7e6a11' } } })
  live() {
    return { status: 'up', instanceId: INSTANCE_ID() };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'The service can answer correctly: its event store and read-model store answer (each check within 2 s), its read models have caught up (none rebuilding), its consumers have joined, and it is not shutting down.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ready', 'not-ready'] }, checks: { type: 'object', additionalProperties: { type: 'object', properties: { ready: { type: 'boolean' }, details: { type: 'object' } } } } },
      example: { status: 'ready', checks: { projections: { ready: true, details: { projections: [{ name: 'governance.teams', state: 'live', lag: 0 }] } }, messaging: { ready: true, details: { transport: 'in-process' } } } },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the same body with `status: not-ready` and the failing check.' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const results = await Promise.all(
      [...this.stores, ...this.readiness.all()].map(async (c) => {
        try {
          return { name: c.name, ...(await bounded(c)) };
        } catch (error) {
          return { name: c.name, ready: false, details: { error: error instanceof Error ? error.message : String(error) } };
        }
      }),
    );
    const ready = results.every((r) => r.ready) && !this.shuttingDown;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      ...(this.shuttingDown ? { shuttingDown: this.shuttingDown } : {}),
      checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
    };
  }
}
