import { Inject, Module, type DynamicModule, type INestApplication, type LoggerService, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger, createLogger, httpServerSpans, startObservability, type ObservabilityHandle } from '@leerzone/observability';
import { edgeOptionsFromEnv, type EdgeOptions } from './http/edge-options';
import { securityHeaders, corsPolicy } from './http/security-headers';
import { jsonBodiesOnly } from './http/json-only.middleware';
import { stampRequest } from './request-context/request-id.middleware';
import { setupOpenApi } from './openapi/setup-openapi';

export interface AppOptions {
  readonly title: string;
  readonly description: string;
  readonly logger?: false;
  /** `service.name` in traces, metrics and logs. Default: the title in kebab case. */
  readonly serviceName?: string;
  /** CORS origins and rate limits; default: read from CORS_ORIGINS and RATE_LIMIT_* (PlatformModule reads the same). */
  readonly edge?: EdgeOptions;
}

const OBSERVABILITY = Symbol('OBSERVABILITY');

/** The body parser would decode broken UTF-8 into U+FFFD and accept it; bytes that are not UTF-8 are the caller's mistake. */
function refuseInvalidUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('The request body is not valid UTF-8.'), { status: 400, expose: true, type: 'encoding.invalid-utf8' });
}

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
 * (off otherwise), a server span per request, structured logs. Its edges: a request id on
 * every answer, security headers (helmet), CORS closed unless CORS_ORIGINS lists origins,
 * no `X-Powered-By`; rate limits and problem details come with PlatformModule.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: AppOptions): Promise<INestApplication> {
  const serviceName = options.serviceName ?? kebab(options.title);
  const observability = startObservability({ serviceName });
  const logger = loggerFor(serviceName, options);
  const edge = options.edge ?? edgeOptionsFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(
    { module: LeerzoneApplication, imports: [module, ObservabilityLifecycle.with(observability)] },
    // No default parsers: Nest's would also read form-encoded bodies. JSON only, below.
    { bufferLogs: false, bodyParser: false, ...(logger !== undefined ? { logger } : {}) },
  );
  app.disable('x-powered-by');
  // First middleware: the whole request, body parsing included, runs inside its span.
  app.use(httpServerSpans());
  // Before any parser, so that every answer — a refused body too — carries its request id.
  app.use(stampRequest);
  app.use(securityHeaders());
  app.enableCors(corsPolicy(edge.corsOrigins));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'], verify: refuseInvalidUtf8 });
  app.enableShutdownHooks();
  setupOpenApi(app, options.title, options.description);
  return app;
}
