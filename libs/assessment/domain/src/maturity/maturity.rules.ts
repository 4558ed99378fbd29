import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, isSealed, personSubject, reject, requiredId, requiredText } from '@leerzone/kernel';
import { isSlug, MAX_TASK_TITLE_LENGTH } from '../shared/assessment.constants';
import { at, requiredReason } from '../shared/context';
import type { RecordTaskMaturity, RetireTask } from './maturity.commands';
import type { MaturityEvent } from './maturity.events';
import type { Commitment, Competence } from './maturity.model';
import { COMMITMENT_LEVELS, COMPETENCE_LEVELS, deriveTaskMaturity } from './maturity.model';
import type { MaturityState } from './maturity.state';

type MaturityRule<Command> = (command: Command, state: MaturityState, ctx: CommandContext) => Decision<MaturityEvent>;

/** The stream is one member in one team; its first event fixes which. */
function requirePerson(state: MaturityState, data: { teamId: unknown; memberId: unknown }): { teamId: string; memberId: string } | Rejection {
  const teamId = requiredId(data.teamId, 'teamId', 'MATURITY.TEAM_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const memberId = requiredId(data.memberId, 'memberId', 'MATURITY.MEMBER_INVALID', 'the member id');
  if (isRejection(memberId)) return memberId;
  if (state.exists && (state.teamId !== teamId || state.memberId !== memberId)) {
    return reject('invalid', 'MATURITY.STREAM_MISMATCH', `This record belongs to ${state.memberId} in team ${state.teamId}.`, { field: 'memberId' });
  }
  return { teamId, memberId };
}

const isCompetence = (value: unknown): value is Competence => (COMPETENCE_LEVELS as readonly unknown[]).includes(value);
const isCommitment = (value: unknown): value is Commitment => (COMMITMENT_LEVELS as readonly unknown[]).includes(value);

export const recordTaskMaturity: MaturityRule<RecordTaskMaturity> = (command, state, ctx) => {
  const d = command.data;
  const person = requirePerson(state, d);
  if (isRejection(person)) return person;
  const coachId = requiredId(d.coachId, 'coachId', 'MATURITY.COACH_INVALID', 'the coach id');
  if (isRejection(coachId)) return coachId;
  if (coachId === person.memberId) return reject('invalid', 'MATURITY.COACH_INVALID', 'A member and their coach record task maturity together; the coach cannot be the member.', { field: 'coachId' });
  if (ctx.actor.kind !== 'user' || (ctx.actor.id !== coachId && ctx.actor.id !== person.memberId)) {
    return reject('forbidden', 'MATURITY.NOT_A_PARTY', `Only ${person.memberId} and their coach ${coachId} record this, together.`, { field: 'coachId' });
  }
  if (!isSlug(d.task)) return reject('invalid', 'MATURITY.TASK_INVALID', 'A task is named by a lower-case slug such as budgeting.', { field: 'task' });
  const taskTitle = requiredText(d.taskTitle, { field: 'taskTitle', code: 'MATURITY.TASK_INVALID', label: 'the task title', max: MAX_TASK_TITLE_LENGTH });
  if (isRejection(taskTitle)) return taskTitle;
  if (!isCompetence(d.competence)) return reject('invalid', 'MATURITY.COMPETENCE_INVALID', `Competence is one of ${COMPETENCE_LEVELS.join(', ')}.`, { field: 'competence' });
  if (!isCommitment(d.commitment)) return reject('invalid', 'MATURITY.COMMITMENT_INVALID', `Commitment is one of ${COMMITMENT_LEVELS.join(', ')}.`, { field: 'commitment' });
  const note = d.note ?? null;
  if (note !== null && (!isSealed(note) || note.$sealed.subject !== personSubject(ctx.tenantId, person.memberId))) {
    return reject('invalid', 'MATURITY.NOTE_NOT_SEALED', `A note about ${person.memberId} is sealed under their own subject of this tenant, so it can be erased with them.`, { field: 'note' });
  }
  return [
    {
      type: 'TaskMaturityRecorded',
      data: {
        ...person,
        coachId,
        task: d.task,
        taskTitle,
        competence: d.competence,
        commitment: d.commitment,
        ...deriveTaskMaturity(d.competence, d.commitment),
        note,
        recordedBy: ctx.actor.id,
        recordedAt: at(ctx),
      },
    },
  ];
};

export const retireTask: MaturityRule<RetireTask> = (command, state, ctx) => {
  const person = requirePerson(state, command.data);
  if (isRejection(person)) return person;
  const task = state.tasks.get(command.data.task);
  if (!task) return reject('not-found', 'MATURITY.TASK_NOT_FOUND', `${person.memberId} has no recorded task ${command.data.task}.`, { field: 'task' });
  if (task.retiredAt !== null) return [];
  const reason = requiredReason(ctx.reason, 'MATURITY.REASON_REQUIRED', 'retire a task');
  if (isRejection(reason)) return reason;
  return [{ type: 'TaskRetired', data: { ...person, task: task.task, retiredBy: ctx.actor.id, retiredAt: at(ctx), reason } }];
};
