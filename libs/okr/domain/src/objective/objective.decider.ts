import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import { acceptAlignment, declineAlignment, proposeAlignment, setContributions } from './alignment.rules';
import { carryObjectiveForward, recordCarriedForward } from './carry-forward.rules';
import { checkInOnKeyResult, resolveBlocker } from './check-in.rules';
import { commitObjectiveToCycle, defineObjective, reviseObjective } from './definition.rules';
import { closeBlockersReview, gradeObjective, recordBlockersReviewFinding } from './grading.rules';
import { addKeyResult, redefineKeyResult, removeKeyResult } from './key-result.rules';
import type { ObjectiveCommand } from './objective.commands';
import type { ObjectiveEvent } from './objective.events';
import type { ObjectiveState } from './objective.state';
import { evolveObjective, initialObjectiveState } from './objective.state';

export const objectiveStreamId = (tenantId: string, objectiveId: string): string => aggregateStreamId('okr-objective-', tenantId, objectiveId);

/**
 * One objective, one stream: its key results, their check-ins and blockers, its alignment
 * link and its grade. They share a consistency boundary because the 3–5 rule, the weights
 * of the roll-up, the goalposts and "no check-ins after grading" all span the key results
 * of one objective — and nothing else. Teams checking in on different objectives never
 * contend for a stream.
 */
export const objectiveDecider: Decider<ObjectiveCommand, ObjectiveEvent, ObjectiveState> = {
  initialState: initialObjectiveState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'DefineObjective':
        return defineObjective(command, state, ctx);
      case 'ReviseObjective':
        return reviseObjective(command, state, ctx);
      case 'CommitObjectiveToCycle':
        return commitObjectiveToCycle(command, state, ctx);
      case 'AddKeyResult':
        return addKeyResult(command, state, ctx);
      case 'RedefineKeyResult':
        return redefineKeyResult(command, state, ctx);
      case 'RemoveKeyResult':
        return removeKeyResult(command, state, ctx);
      case 'ProposeAlignment':
        return proposeAlignment(command, state, ctx);
      case 'AcceptAlignment':
        return acceptAlignment(command, state, ctx);
      case 'DeclineAlignment':
        return declineAlignment(command, state, ctx);
      case 'SetContributions':
        return setContributions(command, state, ctx);
      case 'CheckInOnKeyResult':
        return checkInOnKeyResult(command, state, ctx);
      case 'ResolveBlocker':
        return resolveBlocker(command, state, ctx);
      case 'GradeObjective':
        return gradeObjective(command, state, ctx);
      case 'RecordBlockersReviewFinding':
        return recordBlockersReviewFinding(command, state, ctx);
      case 'CloseBlockersReview':
        return closeBlockersReview(command, state, ctx);
      case 'CarryObjectiveForward':
        return carryObjectiveForward(command, state, ctx);
      case 'RecordCarriedForward':
        return recordCarriedForward(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveObjective,
};
