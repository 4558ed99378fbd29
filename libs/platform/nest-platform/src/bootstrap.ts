import { Inject, Module, type DynamicModule, type INestApplication, type LoggerService, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger, createLogger, httpServerSpans, startObservability, type ObservabilityHandle } from '@leerzone/observability';
import { jsonBodiesOnly } from './http/json-only.middleware';
import { setupOpenApi } from './openapi/setup-openapi';

export interface AppOptions {
  readonly title: string;
  readonly description: string;
  readonly logger?: false;
  /** `service.name` in traces, metrics and logs. Default: the title in kebab case. */
  readonly serviceName?: string;
}

const OBSERVABILITY = Symbol('OBSERVABILITY');

/** Flushes and stops the OpenTelemetry SDK when the application shuts down (also on SIGTERM). */
@Module({})
class ObservabilityLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OBSERVABILITY) private readonly observability: ObservabilityHandle) {}

  static with(observability: ObservabilityHandle): DynamicModule {
    return { module: ObservabilityLifecycle, providers: [{ provide: OBSERVABILITY, useValue: observability }] };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.observability.shutdown();
  }
}

@Module({})
class LeerzoneApplication {}

const kebab = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'leerzone';

/**
 * JSON logs (pino, with trace ids and the redaction list) unless LOG_FORMAT=pretty asks
 * for Nest's coloured console lines while developing.
 */
const loggerFor = (serviceName: string, options: AppOptions): LoggerService | false | undefined => {
  if (options.logger === false) return false;
  if (process.env['LOG_FORMAT'] === 'pretty') return undefined;
  return new PinoNestLogger(createLogger({ service: serviceName }));
};

/**
 * Creates a Leerzone HTTP application: JSON bodies up to 1 MB (413 above it, 415 for any other type), OpenAPI at /docs, graceful
 * shutdown, and observability: the OpenTelemetry SDK when OTEL_* variables configure it
 * (off otherwise), a server span per request, structured logs.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: AppOptions): Promise<INestApplication> {
  const serviceName = options.serviceName ?? kebab(options.title);
  const observability = startObservability({ serviceName });
  const logger = loggerFor(serviceName, options);
  const app = await NestFactory.create<NestExpressApplication>(
    { module: LeerzoneApplication, imports: [module, ObservabilityLifecycle.with(observability)] },
    // No default parsers: Nest's would also read form-encoded bodies. JSON only, below.
    { bufferLogs: false, bodyParser: false, ...(logger !== undefined ? { logger } : {}) },
  );
  // First middleware: the whole request, body parsing included, runs inside its span.
  app.use(httpServerSpans());
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  setupOpenApi(app, options.title, options.description);
  return app;
}
