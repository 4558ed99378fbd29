import { isRejection, reject } from '@leerzone/kernel';
import { at } from '../shared/validation';
import type { SetCheckInCadence } from './team.commands';
import type { OkrTeamRule } from './team.guards';
import { requireTeamId } from './team.guards';
import { MAX_CHECK_IN_CADENCE_DAYS, MIN_CHECK_IN_CADENCE_DAYS } from './team.model';

/** The team sets its own rhythm; the overdue query and the silence signal measure against it. */
export const setCheckInCadence: OkrTeamRule<SetCheckInCadence> = (command, state, ctx) => {
  const teamId = requireTeamId(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const everyDays = command.data.everyDays;
  if (typeof everyDays !== 'number' || !Number.isInteger(everyDays) || everyDays < MIN_CHECK_IN_CADENCE_DAYS || everyDays > MAX_CHECK_IN_CADENCE_DAYS) {
    return reject('invalid', 'OKR.CADENCE_INVALID', `A check-in cadence is a whole number of days from ${MIN_CHECK_IN_CADENCE_DAYS} to ${MAX_CHECK_IN_CADENCE_DAYS}.`, { field: 'everyDays' });
  }
  if (state.teamId !== null && everyDays === state.checkInCadenceDays) return [];
  return [{ type: 'CheckInCadenceSet', data: { teamId, previousEveryDays: state.checkInCadenceDays, everyDays, setBy: ctx.actor.id, setAt: at(ctx) } }];
};
