import type { Rejection } from '@leerzone/kernel';
import { addMonths, isIsoDate, isRejection, optionalText, periodKey, reject, requiredId, startOfIsoDate } from '@leerzone/kernel';
import { at } from '../shared/validation';
import type { CloseCycle, PlanCycle, StartCycle, StartGrading } from './cycle.commands';
import type { CycleRule } from './cycle.guards';
import { requireCycle, requireStatus } from './cycle.guards';
import { DEFAULT_CYCLE_MONTHS, MAX_CYCLE_NAME_LENGTH } from './cycle.model';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const dayBefore = (date: Date): Date => new Date(date.getTime() - 1);

/** A period of DEFAULT_CYCLE_MONTHS from `start`; its last day is the day before the same date that many months later. */
const quarterFrom = (start: Date): { startsOn: string; endsOn: string } => ({ startsOn: isoDay(start), endsOn: isoDay(dayBefore(addMonths(start, DEFAULT_CYCLE_MONTHS))) });

function cycleDates(data: PlanCycle['data'], now: Date): { startsOn: string; endsOn: string } | Rejection {
  const { quarter, startsOn, endsOn } = data;
  if (quarter !== undefined && (startsOn !== undefined || endsOn !== undefined)) {
    return reject('invalid', 'OKR.CYCLE_DATES_INVALID', 'Give either a quarter or dates, not both.', { field: 'quarter' });
  }
  if (quarter !== undefined) {
    const match = QUARTER.exec(quarter);
    if (!match) return reject('invalid', 'OKR.CYCLE_DATES_INVALID', 'The quarter must look like 2026-Q3.', { field: 'quarter' });
    return quarterFrom(new Date(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1)));
  }
  if (startsOn === undefined) {
    if (endsOn !== undefined) return reject('invalid', 'OKR.CYCLE_DATES_INVALID', 'A cycle with an end date needs a start date too.', { field: 'startsOn' });
    const thisQuarter = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
    return quarterFrom(addMonths(thisQuarter, DEFAULT_CYCLE_MONTHS));
  }
  if (!isIsoDate(startsOn)) return reject('invalid', 'OKR.CYCLE_DATES_INVALID', 'startsOn must be a date such as 2026-07-01.', { field: 'startsOn' });
  if (endsOn === undefined) return quarterFrom(startOfIsoDate(startsOn));
  if (!isIsoDate(endsOn)) return reject('invalid', 'OKR.CYCLE_DATES_INVALID', 'endsOn must be a date such as 2026-09-30.', { field: 'endsOn' });
  if (endsOn <= startsOn) return reject('invalid', 'OKR.CYCLE_DATES_INVALID', `The cycle must end after it starts (${startsOn}); endsOn is its last day.`, { field: 'endsOn' });
  return { startsOn, endsOn };
}

/** A calendar quarter is named after it (2026-Q3); other periods after their dates. */
function defaultName(startsOn: string, endsOn: string): string {
  const start = startOfIsoDate(startsOn);
  const isCalendarQuarter = start.getUTCDate() === 1 && start.getUTCMonth() % 3 === 0 && quarterFrom(start).endsOn === endsOn;
  return isCalendarQuarter ? periodKey('quarter', start) : `${startsOn} to ${endsOn}`;
}

export const planCycle: CycleRule<PlanCycle> = (command, state, ctx) => {
  const cycleId = requiredId(command.data.cycleId, 'cycleId', 'OKR.CYCLE_ID_INVALID', 'the cycle id');
  if (isRejection(cycleId)) return cycleId;
  if (state.exists) return reject('conflict', 'OKR.CYCLE_ALREADY_EXISTS', `Cycle ${state.cycleId} already exists.`, { field: 'cycleId' });
  const dates = cycleDates(command.data, ctx.now);
  if (isRejection(dates)) return dates;
  const name = optionalText(command.data.name, { field: 'name', code: 'OKR.CYCLE_NAME_INVALID', label: 'the cycle name', max: MAX_CYCLE_NAME_LENGTH });
  if (isRejection(name)) return name;
  return [{ type: 'CyclePlanned', data: { cycleId, name: name ?? defaultName(dates.startsOn, dates.endsOn), ...dates, plannedBy: ctx.actor.id, plannedAt: at(ctx) } }];
};

export const startCycle: CycleRule<StartCycle> = (command, state, ctx) => {
  const refused = requireCycle(state, command.data.cycleId) ?? requireStatus(state, ['planning'], 'start a cycle');
  if (refused) return refused;
  return [{ type: 'CycleStarted', data: { cycleId: command.data.cycleId, startedBy: ctx.actor.id, startedAt: at(ctx) } }];
};

export const startGrading: CycleRule<StartGrading> = (command, state, ctx) => {
  const refused = requireCycle(state, command.data.cycleId) ?? requireStatus(state, ['running'], 'start grading');
  if (refused) return refused;
  return [{ type: 'CycleGradingStarted', data: { cycleId: command.data.cycleId, startedBy: ctx.actor.id, startedAt: at(ctx) } }];
};

/** Closing ends grading for good, so every committed objective must have its score first. */
export const closeCycle: CycleRule<CloseCycle> = (command, state, ctx) => {
  const refused = requireCycle(state, command.data.cycleId) ?? requireStatus(state, ['grading'], 'close a cycle');
  if (refused) return refused;
  const ungraded = command.data.ungradedObjectiveIds;
  if (ungraded.length > 0) {
    return reject('precondition', 'OKR.CYCLE_NOT_GRADED', `Grade every committed objective before closing the cycle; ${ungraded.length} still ungraded: ${ungraded.join(', ')}.`, {
      field: 'ungradedObjectiveIds',
      details: { ungradedObjectiveIds: ungraded },
    });
  }
  return [{ type: 'CycleClosed', data: { cycleId: command.data.cycleId, closedBy: ctx.actor.id, closedAt: at(ctx) } }];
};
