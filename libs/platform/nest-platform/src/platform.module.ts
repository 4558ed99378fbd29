import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import { EventSchemaRegistry, type EventStore } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { CommandExecutor } from './commands/command-executor';
import { DevTokenController } from './auth/dev-token.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenService, type AuthOptions } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { RequestIdMiddleware } from './request-context/request-id.middleware';
import { ProjectionsHost } from './projections/projections.host';
import { CLOCK, EVENT_SCHEMAS, EVENT_STORE, NEW_ID, PROJECTION_STORE } from './tokens';

export interface PlatformOptions {
  readonly auth: AuthOptions;
  /** Opens the event store; closed on shutdown. */
  readonly eventStore: () => Promise<EventStore>;
  /** Opens the read-model store; closed on shutdown. */
  readonly projectionStore: () => Promise<ProjectionStore>;
}

@Global()
@Module({})
export class PlatformModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly projectionStore: ProjectionStore,
  ) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, ...(options.auth.devIssuer ? [DevTokenController] : [])],
      providers: [
        { provide: TokenService, useFactory: () => TokenService.create(options.auth) },
        { provide: EVENT_STORE, useFactory: options.eventStore },
        { provide: PROJECTION_STORE, useFactory: options.projectionStore },
        { provide: EVENT_SCHEMAS, useFactory: () => new EventSchemaRegistry() },
        ProjectionsHost,
        { provide: CLOCK, useValue: () => new Date() },
        { provide: NEW_ID, useValue: () => uuidv7() },
        ReadinessRegistry,
        CommandExecutor,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TokenService, EVENT_STORE, PROJECTION_STORE, EVENT_SCHEMAS, CLOCK, NEW_ID, ReadinessRegistry, CommandExecutor, ProjectionsHost],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }

  // Projections stop in beforeApplicationShutdown, so both stores are idle by now.
  async onApplicationShutdown(): Promise<void> {
    await this.projectionStore.close();
    await this.store.close();
  }
}
