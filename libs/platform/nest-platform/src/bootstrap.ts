import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from './openapi/setup-openapi';

export interface AppOptions {
  readonly title: string;
  readonly description: string;
  readonly logger?: false;
}

/** Creates a Leerzone HTTP application: JSON bodies up to 1 MB, OpenAPI at /docs, graceful shutdown. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  setupOpenApi(app, options.title, options.description);
  return app;
}
