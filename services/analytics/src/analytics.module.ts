import { Module } from '@nestjs/common';
import { readAssessmentFact, readFailureFact, readOkrFact, readTeamFact, readUnitFact } from '@leerzone/analytics-domain';
import { BusConsumers, ProjectionsHost } from '@leerzone/nest-platform';
import { ServiceCommands, type ServiceDefinition } from '@leerzone/service-kit';
import { ImportOutcomesController } from './outcomes/import-outcomes/import-outcomes.controller';
import { OutcomesNextToTrustController } from './outcomes/outcomes-next-to-trust/outcomes-next-to-trust.controller';
import { outcomesProjection } from './outcomes/read-model/outcomes.projection';
import { AdoptionFunnelController } from './adoption/adoption-funnel/adoption-funnel.controller';
import { failureReportsProjection } from './failures/read-model/failure-reports.projection';
import { objectivesProjection } from './okr/read-model/objectives.projection';
import { ListSeriesController } from './series/list-series/list-series.controller';
import { AnalyticsData } from './shared/analytics-data';
import { governanceSchemas } from './shared/source-schemas';
import { ListSignalsController } from './signals/list-signals/list-signals.controller';
import { ExportTeamFiguresController } from './teams/export-team-figures/export-team-figures.controller';
import { ListTeamOverviewController } from './teams/list-team-overview/list-team-overview.controller';
import { teamOverviewProjection } from './teams/read-model/team-overview.projection';
import { TeamFiguresController } from './teams/team-figures/team-figures.controller';
import { roundsProjection } from './trust/read-model/rounds.projection';
import { UnitRollUpsController } from './units/unit-roll-ups/unit-roll-ups.controller';
import { ZoneHeatMapController } from './zones/zone-heat-map/zone-heat-map.controller';

/** The services whose events feed analytics' read models. */
export const ANALYTICS_SOURCES = ['governance', 'okr', 'assessment', 'failure-learning'];

/** Analytics' read models: one per source, each document written by one producing stream. */
export const ANALYTICS_PROJECTIONS = [
  {
    projection: teamOverviewProjection,
    source: 'governance',
    schemas: governanceSchemas(),
    validate: (event: Parameters<typeof readTeamFact>[0]) => {
      readTeamFact(event);
      readUnitFact(event);
    },
  },
  { projection: objectivesProjection, source: 'okr', schemas: undefined, validate: readOkrFact },
  { projection: roundsProjection, source: 'assessment', schemas: undefined, validate: readAssessmentFact },
  { projection: failureReportsProjection, source: 'failure-learning', schemas: undefined, validate: readFailureFact },
] as const;

/**
 * Analytics' HTTP surface and its read models, fed over the bus. Needs the PlatformModule
 * and the MessagingModule from whichever runner hosts it: standalone (in-process bus) or its
 * own process (Kafka).
 */
@Module({
  controllers: [
    ListTeamOverviewController,
    TeamFiguresController,
    ExportTeamFiguresController,
    UnitRollUpsController,
    ListSeriesController,
    AdoptionFunnelController,
    ZoneHeatMapController,
    ListSignalsController,
    ImportOutcomesController,
    OutcomesNextToTrustController,
  ],
  providers: [AnalyticsData, ServiceCommands],
})
export class AnalyticsModule {
  constructor(consumers: BusConsumers, projections: ProjectionsHost) {
    // Analytics' own events (outcome imports), projected from its own store.
    projections.register(outcomesProjection);
    for (const { projection, source, schemas, validate } of ANALYTICS_PROJECTIONS) {
      consumers.registerProjection({
        projection,
        group: projection.name,
        sources: [source],
        ...(schemas ? { schemas } : {}),
        // An event analytics reads but cannot understand is dead-lettered, not guessed at.
        validate: (event) => void validate(event),
      });
    }
  }
}

/** Analytics as a Leerzone service: it reads every service's topic and records outcome imports on its own `analytics-` streams. */
export const analyticsService: ServiceDefinition = {
  name: 'analytics',
  streamPrefixes: ['analytics-'],
  module: AnalyticsModule,
  defaultPort: 3002,
  title: 'Leerzone analytics',
  description: "Read models across teams, fed over the bus from the other services' events: figures per team, unit and period, signals across domains, exports.",
};
