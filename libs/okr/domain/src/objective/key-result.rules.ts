import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId, requiredText } from '@leerzone/kernel';
import { at, optionalReason, requiredReason } from '../shared/validation';
import type { Measure } from './measure.model';
import { validateMeasure } from './measure.model';
import type { AddKeyResult, RedefineKeyResult, RemoveKeyResult } from './objective.commands';
import type { ObjectiveRule } from './objective.guards';
import { goalpostsLocked, OPEN_FOR_CHANGES, requireKeyResult, requireNotGraded, requireObjectiveInCycle } from './objective.guards';
import type { GoalpostField, KeyResultDefinition } from './objective.model';
import { DEFAULT_KEY_RESULT_WEIGHT, GOALPOST_FIELDS, MAX_KEY_RESULT_TITLE_LENGTH, MAX_KEY_RESULT_WEIGHT, MAX_KEY_RESULTS, MIN_KEY_RESULTS } from './objective.model';
import { activeKeyResults } from './objective.state';

const TITLE = { field: 'title', code: 'OKR.KEY_RESULT_TITLE_INVALID', label: 'the key result', max: MAX_KEY_RESULT_TITLE_LENGTH };

function parseWeight(value: unknown): number | Rejection {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_KEY_RESULT_WEIGHT) {
    return reject('invalid', 'OKR.WEIGHT_INVALID', `A weight is a number above 0 and at most ${MAX_KEY_RESULT_WEIGHT}; leave it out to weigh every key result the same.`, { field: 'weight' });
  }
  return value;
}

/** Which goalposts differ between two definitions (measure fields compared whatever the kind). */
export function changedGoalposts(previous: KeyResultDefinition, next: KeyResultDefinition): readonly GoalpostField[] {
  const field = (measure: Measure, name: GoalpostField): string => JSON.stringify((measure as unknown as Record<string, unknown>)[name] ?? null);
  return GOALPOST_FIELDS.filter((name) => (name === 'weight' ? previous.weight !== next.weight : field(previous.measure, name) !== field(next.measure, name)));
}

export const addKeyResult: ObjectiveRule<AddKeyResult> = (command, state, ctx) => {
  const refused = requireObjectiveInCycle(state, command.data, OPEN_FOR_CHANGES, 'add key results') ?? requireNotGraded(state, 'add key results');
  if (refused) return refused;
  const d = command.data;
  const keyResultId = requiredId(d.keyResultId, 'keyResultId', 'OKR.KEY_RESULT_ID_INVALID', 'the key result id');
  if (isRejection(keyResultId)) return keyResultId;
  if (state.keyResults.has(keyResultId)) {
    return reject('conflict', 'OKR.KEY_RESULT_ALREADY_EXISTS', `Objective ${d.objectiveId} already has (or had) key result ${keyResultId}.`, { field: 'keyResultId' });
  }
  const title = requiredText(d.title, TITLE);
  if (isRejection(title)) return title;
  const measure = validateMeasure(d.measure, 'measure');
  if (isRejection(measure)) return measure;
  const weight = d.weight === undefined ? DEFAULT_KEY_RESULT_WEIGHT : parseWeight(d.weight);
  if (isRejection(weight)) return weight;
  const count = activeKeyResults(state).length;
  if (count >= MAX_KEY_RESULTS) {
    return reject(
      'precondition',
      'OKR.TOO_MANY_KEY_RESULTS',
      `An objective holds at most ${MAX_KEY_RESULTS} key results so the team can focus; it already has ${count}. Remove one first, or make this a separate objective.`,
      { field: 'keyResultId', details: { count, max: MAX_KEY_RESULTS } },
    );
  }
  // A key result added mid-cycle shifts every weight in the objective's score: it needs a reason.
  const whileRunning = goalpostsLocked(state, d.cycle);
  const reason = whileRunning ? requiredReason(ctx.reason, 'add a key result while the cycle runs') : optionalReason(ctx.reason);
  if (isRejection(reason)) return reason;
  return [{ type: 'KeyResultAdded', data: { objectiveId: d.objectiveId, keyResultId, definition: { title, measure, weight }, whileRunning, addedBy: ctx.actor.id, addedAt: at(ctx), reason } }];
};

/**
 * Goalposts cannot move silently: while the cycle runs, a change to the kind, start, target,
 * direction, unit, levels or weight is a KeyResultGoalpostMoved with its reason; the state
 * keeps the original definition so grading can score against both.
 */
export const redefineKeyResult: ObjectiveRule<RedefineKeyResult> = (command, state, ctx) => {
  const refused = requireObjectiveInCycle(state, command.data, OPEN_FOR_CHANGES, 'change key results') ?? requireNotGraded(state, 'change its key results');
  if (refused) return refused;
  const d = command.data;
  const kr = requireKeyResult(state, d.keyResultId);
  if (isRejection(kr)) return kr;
  const title = d.title === undefined ? kr.definition.title : requiredText(d.title, TITLE);
  if (isRejection(title)) return title;
  const measure = d.measure === undefined ? kr.definition.measure : validateMeasure(d.measure, 'measure');
  if (isRejection(measure)) return measure;
  const weight = d.weight === undefined ? kr.definition.weight : parseWeight(d.weight);
  if (isRejection(weight)) return weight;
  const previous = kr.definition;
  const definition = { title, measure, weight };
  const changed = changedGoalposts(previous, definition);
  if (changed.length === 0 && title === previous.title) return [];
  const common = { objectiveId: d.objectiveId, keyResultId: kr.keyResultId, previous, definition };
  if (changed.length > 0 && goalpostsLocked(state, d.cycle)) {
    const reason = requiredReason(ctx.reason, `move a goalpost (${changed.join(', ')}) while the cycle runs`);
    if (isRejection(reason)) return reason;
    return [{ type: 'KeyResultGoalpostMoved', data: { ...common, changed, movedBy: ctx.actor.id, movedAt: at(ctx), reason } }];
  }
  const reason = optionalReason(ctx.reason);
  if (isRejection(reason)) return reason;
  return [{ type: 'KeyResultRedefined', data: { ...common, redefinedBy: ctx.actor.id, redefinedAt: at(ctx), reason } }];
};

export const removeKeyResult: ObjectiveRule<RemoveKeyResult> = (command, state, ctx) => {
  const refused = requireObjectiveInCycle(state, command.data, OPEN_FOR_CHANGES, 'remove key results') ?? requireNotGraded(state, 'remove key results');
  if (refused) return refused;
  const d = command.data;
  const kr = requireKeyResult(state, d.keyResultId);
  if (isRejection(kr)) return kr;
  const remaining = activeKeyResults(state).length - 1;
  if (state.committedAt !== null && remaining < MIN_KEY_RESULTS) {
    return reject(
      'precondition',
      'OKR.TOO_FEW_KEY_RESULTS',
      `A committed objective keeps at least ${MIN_KEY_RESULTS} key results to be measurable; removing ${kr.keyResultId} would leave ${remaining}. Add its replacement first.`,
      { field: 'keyResultId', details: { count: remaining, min: MIN_KEY_RESULTS } },
    );
  }
  const whileRunning = goalpostsLocked(state, d.cycle);
  const reason = whileRunning ? requiredReason(ctx.reason, 'remove a key result while the cycle runs') : optionalReason(ctx.reason);
  if (isRejection(reason)) return reason;
  return [{ type: 'KeyResultRemoved', data: { objectiveId: d.objectiveId, keyResultId: kr.keyResultId, whileRunning, removedBy: ctx.actor.id, removedAt: at(ctx), reason } }];
};
