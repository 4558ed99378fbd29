import type { TextRule } from '@leerzone/kernel';
import { isRejection, optionalText, reject, requiredId, requiredText } from '@leerzone/kernel';
import { at } from '../shared/validation';
import type { RecordRetrospective } from './cycle.commands';
import type { CycleRule } from './cycle.guards';
import { requireCycle, requireStatus } from './cycle.guards';

export const MAX_RETROSPECTIVE_ANSWER_LENGTH = 4000;

const answer = (field: string, label: string): TextRule => ({ field, code: 'OKR.RETROSPECTIVE_INVALID', label, max: MAX_RETROSPECTIVE_ANSWER_LENGTH });
export const RETROSPECTIVE_ANSWERS = {
  whatWorked: answer('whatWorked', 'what worked'),
  whatDidNotWork: answer('whatDidNotWork', 'what did not work'),
  whatWeLearned: answer('whatWeLearned', 'what we learned'),
  whatWeCarryForward: answer('whatWeCarryForward', 'what we carry forward'),
} as const;

/**
 * Step 1 of the cycle: the team looks back before it looks forward. Recorded on the cycle
 * it opens, before or at its start; recorded once the cycle runs it still counts, marked late.
 */
export const recordRetrospective: CycleRule<RecordRetrospective> = (command, state, ctx) => {
  const refused = requireCycle(state, command.data.cycleId) ?? requireStatus(state, ['planning', 'running'], 'record a retrospective');
  if (refused) return refused;
  const d = command.data;
  const teamId = requiredId(d.teamId, 'teamId', 'OKR.TEAM_ID_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const previousCycleId = d.previousCycleId === undefined ? null : requiredId(d.previousCycleId, 'previousCycleId', 'OKR.CYCLE_ID_INVALID', 'the previous cycle id');
  if (isRejection(previousCycleId)) return previousCycleId;
  if (previousCycleId === d.cycleId) {
    return reject('invalid', 'OKR.RETROSPECTIVE_INVALID', 'A retrospective looks back on an earlier cycle, not on the one it opens.', { field: 'previousCycleId' });
  }
  const whatWorked = requiredText(d.whatWorked, RETROSPECTIVE_ANSWERS.whatWorked);
  if (isRejection(whatWorked)) return whatWorked;
  const whatDidNotWork = requiredText(d.whatDidNotWork, RETROSPECTIVE_ANSWERS.whatDidNotWork);
  if (isRejection(whatDidNotWork)) return whatDidNotWork;
  const whatWeLearned = requiredText(d.whatWeLearned, RETROSPECTIVE_ANSWERS.whatWeLearned);
  if (isRejection(whatWeLearned)) return whatWeLearned;
  const whatWeCarryForward = optionalText(d.whatWeCarryForward, RETROSPECTIVE_ANSWERS.whatWeCarryForward);
  if (isRejection(whatWeCarryForward)) return whatWeCarryForward;
  if (state.retrospectives.has(teamId)) {
    return reject('conflict', 'OKR.RETROSPECTIVE_ALREADY_RECORDED', `Team ${teamId} already recorded its retrospective for cycle ${d.cycleId}.`, { field: 'teamId' });
  }
  return [
    {
      type: 'RetrospectiveRecorded',
      data: {
        cycleId: d.cycleId,
        teamId,
        previousCycleId,
        whatWorked,
        whatDidNotWork,
        whatWeLearned,
        whatWeCarryForward,
        late: state.status !== 'planning',
        recordedBy: ctx.actor.id,
        recordedAt: at(ctx),
      },
    },
  ];
};
