import { Module } from '@nestjs/common';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { CreateTeamController } from './teams/create-team/create-team.controller';
import { GetTeamController } from './teams/get-team/get-team.controller';
import { teamsProjection } from './teams/read-model/teams.projection';
import { TeamEventsController } from './teams/team-events/team-events.controller';

/**
 * The governance service's HTTP surface and read models. Needs the PlatformModule (event
 * store, projections, auth, problems) from whichever runner hosts it: standalone or its
 * own process.
 */
@Module({
  controllers: [CreateTeamController, GetTeamController, TeamEventsController],
})
export class GovernanceModule {
  constructor(projections: ProjectionsHost) {
    projections.register(teamsProjection);
  }
}
