import { Module } from '@nestjs/common';
import { CreateTeamController } from './teams/create-team/create-team.controller';
import { TeamEventsController } from './teams/team-events/team-events.controller';

/**
 * The governance service's HTTP surface and read models. Needs the PlatformModule (event
 * store, auth, problems) from whichever runner hosts it: standalone or its own process.
 */
@Module({
  controllers: [CreateTeamController, TeamEventsController],
})
export class GovernanceModule {}
