import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { AuditModule } from '@leerzone/audit';
import { AnalyticsModule } from '@leerzone/analytics-service';
import { openEventStore } from '@leerzone/event-store';
import { MessagingModule, PlatformModule, type ServiceEnvironment } from '@leerzone/nest-platform';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { GovernanceModule } from '@leerzone/governance-service';

/** Every service's module in one process, on the embedded default. */
@Module({})
export class StandaloneModule {
  static forRoot(config: ServiceEnvironment): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot({
          auth: config.auth,
          // SQLite under DATA_DIR unless EVENT_STORE_URL names another store.
          eventStore: () => openEventStore(config.eventStoreUrl),
          // In memory, rebuilt from the store at every start, unless PROJECTION_STORE_URL names a MongoDB.
          projectionStore: () => openProjectionStore(config.projectionStoreUrl),
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
