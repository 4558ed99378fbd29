import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp, serviceEnvironment } from '@leerzone/nest-platform';
import { GovernanceProcessModule } from './process/governance-process.module';

async function main(): Promise<void> {
  const config = serviceEnvironment('governance', 3001);
  const app = await createHttpApp(GovernanceProcessModule.forRoot(config), {
    title: 'Leerzone governance',
    description: 'Teams, the yes to self-steering, boundaries, consent, the delegation board, decisions, principles, organisations and rollout plans.',
    serviceName: 'governance',
  });
  await app.listen(config.port, config.host);
  Logger.log(`Governance is up on http://${config.host}:${config.port} — API docs at /docs, data in ${config.dataDir}`, 'Governance');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
