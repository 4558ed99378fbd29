import { Module } from '@nestjs/common';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';

/**
 * The okr service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process.
 */
@Module({
  imports: [TeamDirectoryModule.forService('okr')],
  providers: [ServiceCommands, TenantStreams],
})
export class OkrModule {}

/** OKR as a Leerzone service: its streams (`okr-…`), its topic `leerzone.okr.events`, its module. */
export const okrService: ServiceDefinition = {
  name: 'okr',
  streamPrefixes: ['okr-'],
  module: OkrModule,
  defaultPort: 3003,
  title: 'Leerzone okr',
  description: 'OKRs as a cycle: retrospectives, aligned objectives, key results with check-ins and blockers, honest grading, team KPIs, goalposts that cannot move silently.',
};
