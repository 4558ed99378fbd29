import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { openEventStore } from '@leerzone/event-store';
import { openPersonalDataVault } from '@leerzone/personal-data-vault';
import { MessagingModule, PlatformModule, type ServiceEnvironment } from '@leerzone/nest-platform';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { publishedBy, type ServiceDefinition } from './service-definition';
import { sharedStoreCoordination } from './shared-store';

/**
 * Services hosted by one process, as the environment configures it: one event store
 * (SQLite under DATA_DIR, PostgreSQL or KurrentDB by EVENT_STORE_URL), the read models
 * (memory or MongoDB by PROJECTION_STORE_URL), the audit API, and the bus — Kafka when
 * KAFKA_BROKERS is set, else in process — with one relay per service, each forwarding only
 * that service's streams to its own topic.
 *
 * Several instances of a service on one PostgreSQL store all take commands; the relay and the
 * projection runner run in the instance holding their lease (`sharedStoreCoordination`).
 */
@Module({})
export class ServiceProcessModule {
  static forRoot(services: readonly ServiceDefinition[], config: ServiceEnvironment, options: { readonly messagingEnv?: NodeJS.ProcessEnv } = {}): DynamicModule {
    if (services.length === 0) throw new Error('A process hosts at least one service.');
    const shared = sharedStoreCoordination(config, options.messagingEnv ?? process.env);
    return {
      module: ServiceProcessModule,
      imports: [
        PlatformModule.forRoot({
          auth: config.auth,
          eventStore: () => openEventStore(config.eventStoreUrl),
          projectionStore: () => openProjectionStore(config.projectionStoreUrl),
          // Per-person keys apart from the events: erasing a person destroys theirs (crypto-shredding).
          // PostgreSQL when PERSONAL_DATA_VAULT_URL is set (shared by every service and the CLI), else a SQLite file.
          personalDataVault: async () =>
            openPersonalDataVault({ url: process.env['PERSONAL_DATA_VAULT_URL'], file: process.env['PERSONAL_DATA_VAULT_FILE'] ?? join(config.dataDir, 'personal-data-vault.db') }),
          ...(shared.projectionLeases ? { projectionLeases: shared.projectionLeases } : {}),
        }),
        // The audit API over this process's store; checkpoints signed with a key of its own.
        AuditModule.forRoot({ checkpoints: { keyFile: process.env['AUDIT_SIGNING_KEY_FILE'] ?? join(config.dataDir, 'audit-signing-key.pem') } }),
        MessagingModule.forRoot({
          service: config.service,
          publishes: services.map((service) => ({ service: service.name, filter: publishedBy(service) })),
          dataDir: config.dataDir,
          ...(options.messagingEnv ? { env: options.messagingEnv } : {}),
          ...(shared.relays ? { sharedStore: shared.relays } : {}),
        }),
        ...services.map((service) => service.module),
      ],
    };
  }
}
