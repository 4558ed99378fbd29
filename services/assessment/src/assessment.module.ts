import { Module } from '@nestjs/common';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';

/**
 * The assessment service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process.
 */
@Module({
  imports: [TeamDirectoryModule.forService('assessment')],
  providers: [ServiceCommands, TenantStreams],
})
export class AssessmentModule {}

/** Assessment as a Leerzone service: its streams (`assessment-…`), its topic `leerzone.assessment.events`, its module. */
export const assessmentService: ServiceDefinition = {
  name: 'assessment',
  streamPrefixes: ['assessment-'],
  module: AssessmentModule,
  defaultPort: 3004,
  title: 'Leerzone assessment',
  description: 'Anonymous rounds of psychological safety, ABI trust and standards; the four zones; actions after a round; task maturity.',
};
