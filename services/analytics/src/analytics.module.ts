import { Module } from '@nestjs/common';
import { readTeamFact } from '@leerzone/analytics-domain';
import { BusConsumers } from '@leerzone/nest-platform';
import type { ServiceDefinition } from '@leerzone/service-kit';
import { ListTeamOverviewController } from './teams/list-team-overview/list-team-overview.controller';
import { teamOverviewProjection } from './teams/read-model/team-overview.projection';

/** The service whose events feed analytics' read models. */
export const ANALYTICS_SOURCES = ['governance'];

/**
 * Analytics' HTTP surface and its read models, fed over the bus. Needs the PlatformModule
 * and the MessagingModule from whichever runner hosts it: standalone (in-process bus) or its
 * own process (Kafka).
 */
@Module({ controllers: [ListTeamOverviewController] })
export class AnalyticsModule {
  constructor(consumers: BusConsumers) {
    consumers.registerProjection({
      projection: teamOverviewProjection,
      group: 'analytics.team-overview',
      sources: ANALYTICS_SOURCES,
      // A team event analytics reads but cannot understand is dead-lettered, not guessed at.
      validate: (event) => void readTeamFact(event),
    });
  }
}

/** Analytics as a Leerzone service: it reads every service's topic and records nothing of its own yet. */
export const analyticsService: ServiceDefinition = {
  name: 'analytics',
  streamPrefixes: ['analytics-'],
  module: AnalyticsModule,
  defaultPort: 3002,
  title: 'Leerzone analytics',
  description: "Read models across teams, fed over the bus from the other services' events.",
};
