import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@leerzone/kernel';
import { CommandExecutor } from './commands/command-executor';
import { DevTokenController } from './auth/dev-token.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenService, type AuthOptions } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { RequestIdMiddleware } from './request-context/request-id.middleware';
import { CLOCK, EVENT_STORE, NEW_ID } from './tokens';

export interface PlatformOptions {
  readonly auth: AuthOptions;
  /** Opens the event store; closed on shutdown. */
  readonly eventStore: () => Promise<EventStore>;
}

@Global()
@Module({})
export class PlatformModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, ...(options.auth.devIssuer ? [DevTokenController] : [])],
      providers: [
        { provide: TokenService, useFactory: () => TokenService.create(options.auth) },
        { provide: EVENT_STORE, useFactory: options.eventStore },
        { provide: CLOCK, useValue: () => new Date() },
        { provide: NEW_ID, useValue: () => uuidv7() },
        ReadinessRegistry,
        CommandExecutor,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TokenService, EVENT_STORE, CLOCK, NEW_ID, ReadinessRegistry, CommandExecutor],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('*path');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
