import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { openEventStore } from '@leerzone/event-store';
import { MessagingModule, PlatformModule, type ServiceEnvironment } from '@leerzone/nest-platform';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { AnalyticsModule } from '../analytics.module';

/**
 * Analytics as its own process: its own event store (it records nothing yet, but relays
 * whatever it will), its read models in MongoDB (or memory), the bus (Kafka when
 * KAFKA_BROKERS is set).
 */
@Module({})
export class AnalyticsProcessModule {
  static forRoot(config: ServiceEnvironment): DynamicModule {
    return {
      module: AnalyticsProcessModule,
      imports: [
        PlatformModule.forRoot({
          auth: config.auth,
          eventStore: () => openEventStore(config.eventStoreUrl),
          projectionStore: () => openProjectionStore(config.projectionStoreUrl),
        }),
        // The audit API over this service's store; checkpoints signed with a key of its own.
        AuditModule.forRoot({ checkpoints: { keyFile: process.env['AUDIT_SIGNING_KEY_FILE'] ?? join(config.dataDir, 'audit-signing-key.pem') } }),
        MessagingModule.forRoot({ service: 'analytics', dataDir: config.dataDir }),
        AnalyticsModule,
      ],
    };
  }
}
