import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { AuditModule } from '@leerzone/audit';
import { AnalyticsModule } from '@leerzone/analytics-service';
import { MessagingModule, PlatformModule } from '@leerzone/nest-platform';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { GovernanceModule } from '@leerzone/governance-service';
import type { StandaloneConfig } from './config';
import { openStandaloneEventStore } from './event-store';

/** Every service's module in one process, on the embedded default. */
@Module({})
export class StandaloneModule {
  static forRoot(config: StandaloneConfig): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot({
          auth: {
            ...(config.devIssuer ? { devIssuer: { keyFile: join(config.dataDir, 'dev-signing-key.json') } } : {}),
            ...(config.jwks ? { jwks: config.jwks } : {}),
          },
          eventStore: () => openStandaloneEventStore(config.eventStoreUrl),
          // Read models live in memory and are rebuilt from the store at every start.
          projectionStore: async () => new InMemoryProjectionStore(),
        }),
        AuditModule.forRoot({ checkpoints: { keyFile: process.env['AUDIT_SIGNING_KEY_FILE'] ?? join(config.dataDir, 'audit-signing-key.pem') } }),
        // The in-process bus whatever the environment says: standalone is the bare-machine mode,
        // and a KAFKA_BROKERS left in the shell must not turn it into a distributed deployment.
        MessagingModule.forRoot({ service: 'standalone', publishes: 'governance', dataDir: config.dataDir, env: {} }),
        GovernanceModule,
        AnalyticsModule,
      ],
    };
  }
}
