import { isRejection, isSealed, optionalText, reject, requiredId } from '@leerzone/kernel';
import { MAX_COMMENT_LENGTH, SLOT_PATTERN } from '../shared/assessment.constants';
import { at, requireInPerson } from '../shared/context';
import { parseAnswerSheet } from './answer-sheet';
import type { RecordAnswer, RecordParticipation } from './round.commands';
import type { RoundRule } from './round.guards';
import { requireAnswering } from './round.guards';

/** Counted once: answering again changes the answer (same slot), never the count. */
export const recordParticipation: RoundRule<RecordParticipation> = (command, state, ctx) => {
  const stopped = requireAnswering(state, command.data.roundId, ctx);
  if (stopped) return stopped;
  const respondentId = requiredId(command.data.respondentId, 'respondentId', 'ROUND.RESPONDENT_INVALID', 'the respondent id');
  if (isRejection(respondentId)) return respondentId;
  const notInPerson = requireInPerson(ctx, respondentId, 'respondentId', 'ROUND.ANSWER_IN_PERSON', 'answer for themself');
  if (notInPerson) return notInPerson;
  if (!state.respondentIds.has(respondentId)) {
    return reject('forbidden', 'ROUND.NOT_A_RESPONDENT', `${respondentId} is not in this round's respondent group, which was fixed when it opened.`, { field: 'respondentId' });
  }
  if (state.counted.has(respondentId)) return [];
  return [{ type: 'RespondentCounted', data: { roundId: command.data.roundId, respondentId, countedAt: at(ctx) } }];
};

/**
 * The answer, without a person. The envelope would carry the actor, so the actor must be
 * the answer service and no reason may travel along; a new slot is taken only while there
 * are more counted respondents than slots, so every answer stands for a counted member.
 */
export const recordAnswer: RoundRule<RecordAnswer> = (command, state, ctx) => {
  const stopped = requireAnswering(state, command.data.roundId, ctx);
  if (stopped) return stopped;
  if (ctx.actor.kind !== 'service' || state.respondentIds.has(ctx.actor.id)) {
    return reject('forbidden', 'ANSWER.ACTOR_IDENTIFYING', 'Answers are recorded by the answer service, never under the respondent’s own id, so no stored envelope ties a person to an answer.', {
      field: 'actor',
    });
  }
  if (ctx.reason !== undefined && ctx.reason.trim().length > 0) {
    return reject('invalid', 'ANSWER.CONTEXT_IDENTIFYING', 'An answer carries no reason: free text next to an answer could name its author.', { field: 'reason' });
  }
  const { slot } = command.data;
  if (typeof slot !== 'string' || !SLOT_PATTERN.test(slot) || state.respondentIds.has(slot)) {
    return reject('invalid', 'ANSWER.SLOT_INVALID', 'The slot is the keyed hash of the respondent under the round key: 16 to 128 characters of base64url or hex.', { field: 'slot' });
  }
  const answers = parseAnswerSheet(command.data.answers, state.instruments);
  if (isRejection(answers)) return answers;
  const comment = optionalText(command.data.comment, { field: 'comment', code: 'ANSWER.COMMENT_INVALID', label: 'the comment', max: MAX_COMMENT_LENGTH });
  if (isRejection(comment)) return comment;
  const { sealed } = command.data;
  // The subject the round's slot key names: a round opened before subjects were tenant-scoped keeps its legacy one.
  if (!isSealed(sealed) || sealed.$sealed.subject !== state.keySubject) {
    return reject('invalid', 'ANSWER.NOT_SEALED', `The answer must be sealed under the round's vault subject ${state.keySubject}.`, { field: 'sealed' });
  }
  const replacesEarlier = state.slots.has(slot);
  if (!replacesEarlier && state.slots.size >= state.counted.size) {
    return reject('precondition', 'ANSWER.NOT_COUNTED', 'Record the respondent’s participation before their answer: every answer must stand for a counted member of the group.', {
      field: 'slot',
    });
  }
  return [{ type: 'AnswerRecorded', data: { roundId: command.data.roundId, slot, sealed, replacesEarlier } }];
};
