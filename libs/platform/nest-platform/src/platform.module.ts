import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import { EventSchemaRegistry, type EventStore, type LeaseProvider, type PersonalDataVault } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { CommandExecutor } from './commands/command-executor';
import { DevTokenController } from './auth/dev-token.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenService, type AuthOptions } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { edgeOptionsFromEnv, type RateLimits } from './http/edge-options';
import { RateLimitGuard, rateLimitModule } from './http/rate-limit.guard';
import { ReadinessRegistry } from './health/readiness';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { RequestIdMiddleware } from './request-context/request-id.middleware';
import { ProjectionsHost } from './projections/projections.host';
import { CLOCK, EVENT_SCHEMAS, EVENT_STORE, NEW_ID, PERSONAL_DATA_VAULT, PROJECTION_LEASES, PROJECTION_STORE } from './tokens';

export interface PlatformOptions {
  readonly auth: AuthOptions;
  /** Opens the event store; closed on shutdown. */
  readonly eventStore: () => Promise<EventStore>;
  /** Opens the read-model store; closed on shutdown. */
  readonly projectionStore: () => Promise<ProjectionStore>;
  /** Opens the personal-data vault (keys kept apart from the events); closed on shutdown. Without it, sealing is refused. */
  readonly personalDataVault?: () => Promise<PersonalDataVault & { close?(): void | Promise<void> }>;
  /**
   * Several instances over one event store and one read-model store: the projections run in the
   * instance holding the `projections` lease, the others stand by (docs/projections.md). Closed on shutdown.
   */
  readonly projectionLeases?: LeaseProvider;
  /** Per user, per tenant, per address; default: RATE_LIMIT_* from the environment, else `DEFAULT_RATE_LIMITS`. */
  readonly rateLimits?: RateLimits;
}

/** Stands in where a process has no vault: personal data cannot be sealed, so it cannot be accepted. */
const noVault: PersonalDataVault = {
  seal: async () => {
    throw new Error('This process has no personal-data vault; configure one before accepting personal data.');
  },
  open: async (sealed) => ({ $erased: { subject: sealed.$sealed.subject } }),
  erase: async () => undefined,
  isErased: async () => false,
};

@Global()
@Module({})
export class PlatformModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly projectionStore: ProjectionStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault & { close?(): void | Promise<void> },
    @Inject(PROJECTION_LEASES) private readonly leases: LeaseProvider | null,
  ) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [rateLimitModule(options.rateLimits ?? edgeOptionsFromEnv().rateLimits)],
      controllers: [HealthController, ...(options.auth.devIssuer ? [DevTokenController] : [])],
      providers: [
        { provide: TokenService, useFactory: () => TokenService.create(options.auth) },
        { provide: EVENT_STORE, useFactory: options.eventStore },
        { provide: PROJECTION_STORE, useFactory: options.projectionStore },
        { provide: EVENT_SCHEMAS, useFactory: () => new EventSchemaRegistry() },
        { provide: PERSONAL_DATA_VAULT, useFactory: options.personalDataVault ?? (async () => noVault) },
        { provide: PROJECTION_LEASES, useValue: options.projectionLeases ?? null },
        ProjectionsHost,
        { provide: CLOCK, useValue: () => new Date() },
        { provide: NEW_ID, useValue: () => uuidv7() },
        ReadinessRegistry,
        CommandExecutor,
        // In this order: the token is verified first, so the rate limits count the principal it names.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TokenService, EVENT_STORE, PROJECTION_STORE, EVENT_SCHEMAS, PERSONAL_DATA_VAULT, CLOCK, NEW_ID, ReadinessRegistry, CommandExecutor, ProjectionsHost],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }

  // Projections stop in beforeApplicationShutdown, so both stores are idle by now.
  async onApplicationShutdown(): Promise<void> {
    await this.leases?.close();
    await this.projectionStore.close();
    await this.store.close();
    await this.vault.close?.();
  }
}
