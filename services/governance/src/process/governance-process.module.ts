import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { openEventStore } from '@leerzone/event-store';
import { MessagingModule, PlatformModule, type ServiceEnvironment } from '@leerzone/nest-platform';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { GovernanceModule } from '../governance.module';

/**
 * Governance as its own process: its event store (SQLite under DATA_DIR, PostgreSQL or
 * KurrentDB by EVENT_STORE_URL), its read models (memory or MongoDB), and the relay of its
 * events to `leerzone.governance.events` (Kafka when KAFKA_BROKERS is set).
 */
@Module({})
export class GovernanceProcessModule {
  static forRoot(config: ServiceEnvironment): DynamicModule {
    return {
      module: GovernanceProcessModule,
      imports: [
        PlatformModule.forRoot({
          auth: config.auth,
          eventStore: () => openEventStore(config.eventStoreUrl),
          projectionStore: () => openProjectionStore(config.projectionStoreUrl),
        }),
        // The audit API over this service's store; checkpoints signed with a key of its own.
        AuditModule.forRoot({ checkpoints: { keyFile: process.env['AUDIT_SIGNING_KEY_FILE'] ?? join(config.dataDir, 'audit-signing-key.pem') } }),
        MessagingModule.forRoot({ service: 'governance', dataDir: config.dataDir }),
        GovernanceModule,
      ],
    };
  }
}
