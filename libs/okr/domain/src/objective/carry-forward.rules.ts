import { isRejection, reject, requiredId } from '@leerzone/kernel';
import { refuseUnlessStatus } from '../cycle/cycle.model';
import { at } from '../shared/validation';
import type { CarryForwardSource, CarryObjectiveForward, RecordCarriedForward } from './objective.commands';
import type { ObjectiveEvent } from './objective.events';
import type { ObjectiveRule } from './objective.guards';
import { OPEN_FOR_CHANGES, requireObjective } from './objective.guards';
import type { ObjectiveState } from './objective.state';
import { activeKeyResults } from './objective.state';

/** What the service passes to CarryObjectiveForward, read from the old objective's stream. */
export function carryForwardSource(state: ObjectiveState): CarryForwardSource | null {
  if (!state.exists) return null;
  return {
    objectiveId: state.objectiveId!,
    cycleId: state.cycleId!,
    level: state.level!,
    owner: state.owner!,
    title: state.title!,
    description: state.description,
    commitment: state.commitment!,
    score: state.grade?.score ?? null,
    keyResults: activeKeyResults(state).map((kr) => ({ keyResultId: kr.keyResultId, ...kr.definition })),
  };
}

const notGraded = (objectiveId: string, field: string) =>
  reject('precondition', 'OKR.NOT_GRADED', `Grade objective ${objectiveId} before carrying it forward, so the new one starts from an honest score.`, { field });

/**
 * A new objective in the next cycle, linked to the old one: its key results' definitions
 * come along (all, or those named), their check-ins do not. It starts as a draft, to be
 * committed like any other.
 */
export const carryObjectiveForward: ObjectiveRule<CarryObjectiveForward> = (command, state, ctx) => {
  const d = command.data;
  const objectiveId = requiredId(d.objectiveId, 'objectiveId', 'OKR.OBJECTIVE_ID_INVALID', 'the objective id');
  if (isRejection(objectiveId)) return objectiveId;
  if (state.exists) return reject('conflict', 'OKR.OBJECTIVE_ALREADY_EXISTS', `Objective ${objectiveId} already exists.`, { field: 'objectiveId' });
  const { source, cycle } = d;
  if (cycle.cycleId === source.cycleId) {
    return reject('invalid', 'OKR.CARRY_FORWARD_SAME_CYCLE', `Carry an objective forward into another cycle than its own (${source.cycleId}).`, { field: 'cycle.cycleId' });
  }
  const closed = refuseUnlessStatus(cycle.cycleId, cycle.status, OPEN_FOR_CHANGES, 'carry objectives into it', 'cycle.status');
  if (closed) return closed;
  if (source.score === null) return notGraded(source.objectiveId, 'source.objectiveId');
  const wanted = d.keyResultIds ?? source.keyResults.map((kr) => kr.keyResultId);
  for (const [index, id] of wanted.entries()) {
    if (!source.keyResults.some((kr) => kr.keyResultId === id)) {
      return reject('invalid', 'OKR.KEY_RESULT_NOT_FOUND', `Objective ${source.objectiveId} has no key result ${String(id)} to carry forward.`, { field: `keyResultIds.${index}` });
    }
  }
  const who = { addedBy: ctx.actor.id, addedAt: at(ctx) };
  const events: ObjectiveEvent[] = [
    {
      type: 'ObjectiveDefined',
      data: {
        objectiveId,
        cycleId: cycle.cycleId,
        level: source.level,
        owner: source.owner,
        title: source.title,
        description: source.description,
        commitment: source.commitment,
        carriedForwardFrom: { objectiveId: source.objectiveId, cycleId: source.cycleId, score: source.score },
        definedBy: ctx.actor.id,
        definedAt: at(ctx),
      },
    },
  ];
  for (const { keyResultId, ...definition } of source.keyResults.filter((kr) => wanted.includes(kr.keyResultId))) {
    events.push({ type: 'KeyResultAdded', data: { objectiveId, keyResultId, definition, whileRunning: false, ...who, reason: null } });
  }
  return events;
};

/** On the old objective: where it went, so its history points forward. */
export const recordCarriedForward: ObjectiveRule<RecordCarriedForward> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId);
  if (refused) return refused;
  if (state.grade === null) return notGraded(command.data.objectiveId, 'objectiveId');
  const toObjectiveId = requiredId(command.data.toObjectiveId, 'toObjectiveId', 'OKR.OBJECTIVE_ID_INVALID', 'the new objective id');
  if (isRejection(toObjectiveId)) return toObjectiveId;
  const toCycleId = requiredId(command.data.toCycleId, 'toCycleId', 'OKR.CYCLE_ID_INVALID', 'the next cycle id');
  if (isRejection(toCycleId)) return toCycleId;
  if (toObjectiveId === state.objectiveId) return reject('invalid', 'OKR.OBJECTIVE_ID_INVALID', 'An objective is carried forward into a new one.', { field: 'toObjectiveId' });
  if (state.carriedForwardTo.some((c) => c.objectiveId === toObjectiveId)) return [];
  return [{ type: 'ObjectiveCarriedForward', data: { objectiveId: command.data.objectiveId, toObjectiveId, toCycleId, carriedBy: ctx.actor.id, carriedAt: at(ctx) } }];
};
