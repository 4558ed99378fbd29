import type { Rejection } from '@leerzone/kernel';
import { isRejection, optionalText, reject, requiredId, requiredText } from '@leerzone/kernel';
import { at, oneOf, optionalReason, requiredReason } from '../shared/validation';
import type { CommitObjectiveToCycle, DefineObjective, ReviseObjective } from './objective.commands';
import type { ObjectiveRule } from './objective.guards';
import { refuseUnlessStatus } from '../cycle/cycle.model';
import { goalpostsLocked, OPEN_FOR_CHANGES, requireNotGraded, requireObjectiveInCycle } from './objective.guards';
import type { Commitment, ObjectiveLevel, ObjectiveOwner } from './objective.model';
import { COMMITMENTS, MAX_KEY_RESULTS, MAX_OBJECTIVE_DESCRIPTION_LENGTH, MAX_OBJECTIVE_TITLE_LENGTH, MIN_KEY_RESULTS, OBJECTIVE_LEVELS } from './objective.model';
import { activeKeyResults } from './objective.state';

const TITLE = { field: 'title', code: 'OKR.OBJECTIVE_TITLE_INVALID', label: 'the objective', max: MAX_OBJECTIVE_TITLE_LENGTH };
const DESCRIPTION = { field: 'description', code: 'OKR.OBJECTIVE_DESCRIPTION_INVALID', label: 'the description', max: MAX_OBJECTIVE_DESCRIPTION_LENGTH };
const COMMITMENT = (value: unknown): Commitment | Rejection => oneOf(value, COMMITMENTS, 'commitment', 'OKR.COMMITMENT_INVALID', 'The commitment');

/** Organisation and unit objectives are owned by a unit, team objectives by a team. */
function parseOwner(level: ObjectiveLevel, input: unknown): ObjectiveOwner | Rejection {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const expected = level === 'team' ? 'team' : 'unit';
  if (raw['kind'] !== expected) {
    return reject('invalid', 'OKR.OWNER_INVALID', `An objective at ${level} level is owned by a ${expected}.`, { field: 'owner.kind' });
  }
  const id = requiredId(raw['id'], 'owner.id', 'OKR.OWNER_INVALID', `the owning ${expected}'s id`);
  return isRejection(id) ? id : { kind: expected, id };
}

export const defineObjective: ObjectiveRule<DefineObjective> = (command, state, ctx) => {
  const d = command.data;
  const objectiveId = requiredId(d.objectiveId, 'objectiveId', 'OKR.OBJECTIVE_ID_INVALID', 'the objective id');
  if (isRejection(objectiveId)) return objectiveId;
  if (state.exists) return reject('conflict', 'OKR.OBJECTIVE_ALREADY_EXISTS', `Objective ${objectiveId} already exists.`, { field: 'objectiveId' });
  const level = oneOf(d.level, OBJECTIVE_LEVELS, 'level', 'OKR.LEVEL_INVALID', 'The level');
  if (isRejection(level)) return level;
  const owner = parseOwner(level, d.owner);
  if (isRejection(owner)) return owner;
  const title = requiredText(d.title, TITLE);
  if (isRejection(title)) return title;
  const description = optionalText(d.description, DESCRIPTION);
  if (isRejection(description)) return description;
  const commitment = COMMITMENT(d.commitment);
  if (isRejection(commitment)) return commitment;
  const cycleId = requiredId(d.cycle?.cycleId, 'cycle.cycleId', 'OKR.CYCLE_ID_INVALID', 'the cycle id');
  if (isRejection(cycleId)) return cycleId;
  const closed = refuseUnlessStatus(cycleId, d.cycle.status, OPEN_FOR_CHANGES, 'define objectives', 'cycle.status');
  if (closed) return closed;
  return [
    {
      type: 'ObjectiveDefined',
      data: { objectiveId, cycleId, level, owner, title, description, commitment, carriedForwardFrom: null, definedBy: ctx.actor.id, definedAt: at(ctx) },
    },
  ];
};

export const reviseObjective: ObjectiveRule<ReviseObjective> = (command, state, ctx) => {
  const refused = requireObjectiveInCycle(state, command.data, OPEN_FOR_CHANGES, 'revise an objective') ?? requireNotGraded(state, 'revise it');
  if (refused) return refused;
  const d = command.data;
  const title = d.title === undefined ? state.title! : requiredText(d.title, TITLE);
  if (isRejection(title)) return title;
  const description = d.description === undefined ? state.description : optionalText(d.description, DESCRIPTION);
  if (isRejection(description)) return description;
  const commitment = d.commitment === undefined ? state.commitment! : COMMITMENT(d.commitment);
  if (isRejection(commitment)) return commitment;
  const previous = { title: state.title!, description: state.description, commitment: state.commitment! };
  if (title === previous.title && description === previous.description && commitment === previous.commitment) return [];
  // Turning a committed objective aspirational mid-cycle lowers the bar: like a goalpost, it needs a reason.
  const reason = commitment !== previous.commitment && goalpostsLocked(state, d.cycle) ? requiredReason(ctx.reason, 'change the commitment while the cycle runs') : optionalReason(ctx.reason);
  if (isRejection(reason)) return reason;
  return [{ type: 'ObjectiveRevised', data: { objectiveId: d.objectiveId, previous, title, description, commitment, revisedBy: ctx.actor.id, revisedAt: at(ctx), reason } }];
};

/** Step 4: an objective enters its cycle with 3 to 5 key results — enough to measure it, few enough to focus. */
export const commitObjectiveToCycle: ObjectiveRule<CommitObjectiveToCycle> = (command, state, ctx) => {
  const refused = requireObjectiveInCycle(state, command.data, OPEN_FOR_CHANGES, 'commit an objective to it');
  if (refused) return refused;
  if (state.committedAt !== null) return [];
  const keyResults = activeKeyResults(state);
  const count = keyResults.length;
  if (count < MIN_KEY_RESULTS || count > MAX_KEY_RESULTS) {
    const advice = count < MIN_KEY_RESULTS ? `add ${MIN_KEY_RESULTS - count} more` : `remove ${count - MAX_KEY_RESULTS}`;
    return reject(
      'precondition',
      count < MIN_KEY_RESULTS ? 'OKR.TOO_FEW_KEY_RESULTS' : 'OKR.TOO_MANY_KEY_RESULTS',
      `An objective is committed to its cycle with ${MIN_KEY_RESULTS} to ${MAX_KEY_RESULTS} key results, enough to measure it and few enough to focus on; it has ${count}, so ${advice}.`,
      { field: 'keyResults', details: { count, min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS } },
    );
  }
  return [
    {
      type: 'ObjectiveCommittedToCycle',
      data: { objectiveId: command.data.objectiveId, cycleId: state.cycleId!, keyResultIds: keyResults.map((kr) => kr.keyResultId), committedBy: ctx.actor.id, committedAt: at(ctx) },
    },
  ];
};
