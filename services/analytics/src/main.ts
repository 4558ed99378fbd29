import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp, serviceEnvironment } from '@leerzone/nest-platform';
import { AnalyticsProcessModule } from './process/analytics-process.module';

async function main(): Promise<void> {
  const config = serviceEnvironment('analytics', 3002);
  const app = await createHttpApp(AnalyticsProcessModule.forRoot(config), {
    title: 'Leerzone analytics',
    description: "Read models over the other services' events. Needs a bearer token with the analyst, transformation-lead or admin role.",
    serviceName: 'analytics',
  });
  await app.listen(config.port, config.host);
  Logger.log(`Analytics is up on http://${config.host}:${config.port} — API docs at /docs, data in ${config.dataDir}`, 'Analytics');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
