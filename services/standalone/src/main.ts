import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp, serviceEnvironment } from '@leerzone/nest-platform';
import { StandaloneModule } from './standalone.module';

async function main(): Promise<void> {
  // The bare-machine defaults: data under ./data, the development token issuer on.
  const config = serviceEnvironment('standalone', 3000, { DATA_DIR: './data', AUTH_DEV_ISSUER: 'true', ...process.env });
  const app = await createHttpApp(StandaloneModule.forRoot(config), {
    title: 'Leerzone (standalone)',
    description: 'Every Leerzone service in one process on the embedded default. Get a token at POST /api/auth/dev-token.',
    serviceName: 'leerzone-standalone',
  });
  await app.listen(config.port, config.host);
  Logger.log(`Leerzone is up on http://localhost:${config.port} — API docs at /docs, data in ${config.dataDir}`, 'Standalone');
}

main().catch((error: unknown) => {
  // eslint-disable-next-line no-console
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
