import type { CommandContext, Decider, Decision } from '@leerzone/kernel';
import { assertNever, isRejection, reject } from '@leerzone/kernel';
import { optionalText, requiredId, requiredText } from '../shared/validation';
import type { CreateTeam, TeamCommand } from './team.commands';
import type { TeamEvent } from './team.events';
import type { TeamState } from './team.state';
import { initialTeamState } from './team.state';

export const teamStreamId = (teamId: string): string => `team-${teamId}`;

export const MAX_TEAM_NAME_LENGTH = 120;
export const MAX_TEAM_PURPOSE_LENGTH = 1000;

function createTeam(command: CreateTeam, state: TeamState, ctx: CommandContext): Decision<TeamEvent> {
  if (state.exists) {
    return reject('conflict', 'TEAM.ALREADY_EXISTS', `Team ${state.teamId} already exists.`, { field: 'teamId' });
  }
  const teamId = requiredId(command.data.teamId, 'teamId', 'TEAM.ID_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const name = requiredText(command.data.name, { field: 'name', code: 'TEAM.NAME_INVALID', label: 'the team name', max: MAX_TEAM_NAME_LENGTH });
  if (isRejection(name)) return name;
  const unitId = command.data.unitId === undefined ? null : requiredId(command.data.unitId, 'unitId', 'TEAM.UNIT_INVALID', 'the unit id');
  if (isRejection(unitId)) return unitId;
  const purpose = optionalText(command.data.purpose, { field: 'purpose', code: 'TEAM.PURPOSE_INVALID', label: 'the purpose', max: MAX_TEAM_PURPOSE_LENGTH });
  if (isRejection(purpose)) return purpose;
  return [{ type: 'TeamCreated', data: { teamId, name, unitId, purpose, createdBy: ctx.actor.id, createdAt: ctx.now.toISOString() } }];
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'CreateTeam':
        return createTeam(command, state, ctx);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TeamCreated':
        return {
          ...state,
          exists: true,
          teamId: event.data.teamId,
          name: event.data.name,
          unitId: event.data.unitId,
          purpose: event.data.purpose,
          createdBy: event.data.createdBy,
          createdAt: event.data.createdAt,
        };
      default:
        return assertNever(event.type);
    }
  },
};
