import { isRejection, reject } from '@leerzone/kernel';
import { wideningViolations } from '../shared/boundary.model';
import { optionalText, requiredId, requiredReason, requiredText } from '../shared/validation';
import type { CreateTeam, MoveTeamToUnit, RenameTeam } from './team.commands';
import type { TeamRule } from './team.guards';
import { MAX_TEAM_NAME_LENGTH, MAX_TEAM_PURPOSE_LENGTH } from '../shared/limits';
import { at, requireTeam } from './team.guards';

export { MAX_TEAM_NAME_LENGTH, MAX_TEAM_PURPOSE_LENGTH } from '../shared/limits';

const nameRule = { field: 'name', code: 'TEAM.NAME_INVALID', label: 'the team name', max: MAX_TEAM_NAME_LENGTH };

export const createTeam: TeamRule<CreateTeam> = (command, state, ctx) => {
  if (state.exists) {
    return reject('conflict', 'TEAM.ALREADY_EXISTS', `Team ${state.teamId} already exists.`, { field: 'teamId' });
  }
  const teamId = requiredId(command.data.teamId, 'teamId', 'TEAM.ID_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const name = requiredText(command.data.name, nameRule);
  if (isRejection(name)) return name;
  const unitId = command.data.unitId === undefined ? null : requiredId(command.data.unitId, 'unitId', 'TEAM.UNIT_INVALID', 'the unit id');
  if (isRejection(unitId)) return unitId;
  const purpose = optionalText(command.data.purpose, { field: 'purpose', code: 'TEAM.PURPOSE_INVALID', label: 'the purpose', max: MAX_TEAM_PURPOSE_LENGTH });
  if (isRejection(purpose)) return purpose;
  return [{ type: 'TeamCreated', data: { teamId, name, unitId, purpose, createdBy: ctx.actor.id, createdAt: at(ctx) } }];
};

export const renameTeam: TeamRule<RenameTeam> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const name = requiredText(command.data.name, nameRule);
  if (isRejection(name)) return name;
  if (name === state.name) return [];
  return [{ type: 'TeamRenamed', data: { teamId: command.data.teamId, previousName: state.name!, name, renamedBy: ctx.actor.id, renamedAt: at(ctx) } }];
};

/** A team's own boundaries must still fit in its new unit's frame. */
export const moveTeamToUnit: TeamRule<MoveTeamToUnit> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const unitId = requiredId(command.data.unitId, 'unitId', 'TEAM.UNIT_INVALID', 'the unit id');
  if (isRejection(unitId)) return unitId;
  const reason = requiredReason(ctx.reason, 'move a team to another unit');
  if (isRejection(reason)) return reason;
  if (unitId === state.unitId) return [];
  const violations = [...state.boundaries.values()].flatMap((entry) => wideningViolations(entry.boundary, command.data.unitBoundaries));
  if (violations.length > 0) {
    return reject(
      'forbidden',
      'BOUNDARY.WIDER_THAN_UNIT',
      `The team's boundaries would be wider than unit ${unitId} allows: ${violations.map((v) => v.message).join(' ')} Narrow them first.`,
      { field: 'unitId', details: { violations } },
    );
  }
  return [
    {
      type: 'TeamMovedToUnit',
      data: { teamId: command.data.teamId, previousUnitId: state.unitId, unitId, movedBy: ctx.actor.id, movedAt: at(ctx), reason },
    },
  ];
};
