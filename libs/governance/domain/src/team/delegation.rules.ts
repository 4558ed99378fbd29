import { isIsoDate, isRejection, reject } from '@leerzone/kernel';
import { AREA_PATTERN, MAX_AREA_LENGTH } from '../shared/boundary.model';
import { describeLevel, isDelegationLevel } from '../shared/delegation.model';
import { requiredReason, requiredText } from '../shared/validation';
import type { AddDecisionArea, SetDelegationLevel } from './team.commands';
import type { TeamRule } from './team.guards';
import { MAX_AREA_TITLE_LENGTH } from '../shared/limits';
import { at, requireTeam } from './team.guards';

export const addDecisionArea: TeamRule<AddDecisionArea> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const { area } = command.data;
  if (typeof area !== 'string' || area.length > MAX_AREA_LENGTH || !AREA_PATTERN.test(area)) {
    return reject('invalid', 'DELEGATION.AREA_INVALID', 'A decision area is a lower-case slug such as office-layout.', { field: 'area' });
  }
  const title = requiredText(command.data.title, { field: 'title', code: 'DELEGATION.AREA_INVALID', label: 'the area title', max: MAX_AREA_TITLE_LENGTH });
  if (isRejection(title)) return title;
  if (state.decisionAreas.has(area)) {
    return reject('conflict', 'DELEGATION.AREA_EXISTS', `Team ${state.teamId}'s board already has the area ${area}.`, { field: 'area' });
  }
  return [{ type: 'DecisionAreaAdded', data: { teamId: command.data.teamId, area, title, addedBy: ctx.actor.id, addedAt: at(ctx) } }];
};

/** Every move on the board keeps the level it replaces and says why. */
export const setDelegationLevel: TeamRule<SetDelegationLevel> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const entry = typeof command.data.area === 'string' ? state.decisionAreas.get(command.data.area) : undefined;
  if (!entry) {
    return reject('not-found', 'DELEGATION.AREA_UNKNOWN', `Team ${state.teamId}'s board has no area ${String(command.data.area)}; add it first.`, {
      field: 'area',
    });
  }
  const level = command.data.level;
  if (!isDelegationLevel(level)) {
    return reject('invalid', 'DELEGATION.LEVEL_INVALID', 'The level must be a whole number from 1 (Tell) to 7 (Delegate).', { field: 'level' });
  }
  const reason = requiredReason(ctx.reason, `change the delegation level of ${entry.area} to ${describeLevel(level)}`);
  if (isRejection(reason)) return reason;
  const reviewBy = command.data.reviewBy ?? null;
  if (reviewBy !== null && (!isIsoDate(reviewBy) || reviewBy < at(ctx).slice(0, 10))) {
    return reject('invalid', 'DELEGATION.REVIEW_DATE_INVALID', 'The review date is a calendar date (YYYY-MM-DD), today or later.', { field: 'reviewBy' });
  }
  if (entry.level === level && entry.reviewBy === reviewBy) return [];
  return [
    {
      type: 'DelegationLevelChanged',
      data: { teamId: command.data.teamId, area: entry.area, previousLevel: entry.level, level, reviewBy, changedBy: ctx.actor.id, changedAt: at(ctx), reason },
    },
  ];
};
