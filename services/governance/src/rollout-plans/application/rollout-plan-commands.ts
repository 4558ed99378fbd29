import { Injectable } from '@nestjs/common';
import { reject } from '@leerzone/kernel';
import { ProblemException, ProjectionsHost } from '@leerzone/nest-platform';
import { rolloutPlanDecider, rolloutPlanStreamId, type RolloutPlanCommand, type RolloutPlanEvent, type RolloutPlanState } from '@leerzone/governance-domain';
import { type CommandResult, ServiceCommands, type WriteRequest } from '@leerzone/service-kit';
import { TEAMS_PROJECTION, teamDocumentId, type TeamDocument } from '../../teams/read-model/teams.projection';

/** Runs a command on a rollout plan's stream (roles are checked by the route). */
@Injectable()
export class RolloutPlanCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly projections: ProjectionsHost,
  ) {}

  run(write: WriteRequest, planId: string, command: RolloutPlanCommand, reason?: string): Promise<CommandResult<RolloutPlanEvent, RolloutPlanState>> {
    const isCreate = command.type === 'CreateRolloutPlan';
    return this.commands.run(rolloutPlanDecider, rolloutPlanStreamId(write.principal.tenantId, planId), command, write.context(reason), {
      ifMatch: write.ifMatch,
      guard: ({ state }) => (!isCreate && !state.exists ? reject('not-found', 'ROLLOUT.PLAN_NOT_FOUND', `There is no rollout plan ${planId}.`, { field: 'planId' }) : null),
    });
  }

  /** A plan schedules teams that exist in the tenant. */
  async requireTeam(tenantId: string, teamId: string): Promise<void> {
    const team = await this.projections.readModels.collection<TeamDocument>(TEAMS_PROJECTION, 'teams').findOne({ _id: teamDocumentId(tenantId, teamId), tenantId });
    if (!team) {
      throw ProblemException.of(422, 'ROLLOUT.TEAM_UNKNOWN', `There is no team ${teamId} to schedule.`, {
        field: 'teamId',
        errors: [{ field: 'teamId', message: `Unknown team ${teamId}.`, code: 'ROLLOUT.TEAM_UNKNOWN' }],
      });
    }
  }
}
