import { Module } from '@nestjs/common';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';

/**
 * The failure-learning service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process.
 */
@Module({
  imports: [TeamDirectoryModule.forService('failure-learning')],
  providers: [ServiceCommands, TenantStreams],
})
export class FailureLearningModule {}

/** Failure learning as a Leerzone service: its streams (`failure-learning-…`), its topic `leerzone.failure-learning.events`, its module. */
export const failureLearningService: ServiceDefinition = {
  name: 'failure-learning',
  streamPrefixes: ['failure-learning-'],
  module: FailureLearningModule,
  defaultPort: 3005,
  title: 'Leerzone failure-learning',
  description: 'Blameless failure reports, Edmondson’s three kinds, not twice, the lessons library, follow-ups, reflections, and the confidential track for hard boundaries.',
};
