import { Module, type DynamicModule } from '@nestjs/common';
import { BusConsumers, ProjectionsHost } from '@leerzone/nest-platform';
import { DirectorySchemas, TeamDirectory, readDirectoryFact, teamDirectoryName, teamDirectoryProjection } from '@leerzone/team-directory';

/**
 * A service's own directory of governance's teams and members, fed over the bus (Kafka,
 * or in process in standalone) into the service's projection store. Import
 * `TeamDirectoryModule.forService('okr')` in the service module and inject `TeamDirectory`.
 */
@Module({})
export class TeamDirectoryModule {
  static forService(service: string): DynamicModule {
    // A class per service: standalone hosts several services, each with a directory of its own.
    @Module({})
    class ServiceTeamDirectoryModule {}
    return {
      module: ServiceTeamDirectoryModule,
      providers: [
        {
          provide: TeamDirectory,
          useFactory: (consumers: BusConsumers, projections: ProjectionsHost) => {
            consumers.registerProjection({
              projection: teamDirectoryProjection(service),
              group: teamDirectoryName(service),
              sources: ['governance'],
              // Governance's versions as the directory reads them, not this process's own registry (which knows none of governance's upcasters).
              schemas: new DirectorySchemas(),
              // A team event the directory reads but cannot understand is dead-lettered, not guessed at.
              validate: (event) => void readDirectoryFact(event),
            });
            return new TeamDirectory(() => projections.readModels, service);
          },
          inject: [BusConsumers, ProjectionsHost],
        },
      ],
      exports: [TeamDirectory],
    };
  }
}
