import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { PlatformModule } from '@leerzone/nest-platform';
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
        }),
        GovernanceModule,
      ],
    };
  }
}
