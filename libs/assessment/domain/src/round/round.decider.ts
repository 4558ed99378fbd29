import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import { agreeAction, chooseFocusItems, completeAction, dropAction, rateActionHelpfulness } from './action.rules';
import { recordAnswer, recordParticipation } from './answering.rules';
import { closeRound } from './closing.rules';
import { addRespondents, changeAnonymityThreshold, openRound } from './round-lifecycle.rules';
import type { RoundCommand } from './round.commands';
import type { RoundEvent } from './round.events';
import type { RoundState } from './round.state';
import { evolveRound, initialRoundState } from './round.state';

export const roundStreamId = (tenantId: string, roundId: string): string => aggregateStreamId('assessment-round-', tenantId, roundId);

/**
 * One round, one stream: the frozen group and threshold, participation, the unlinkable
 * answers, the close with its results and zone, and the actions the team takes after it.
 * The threshold and the answers share one consistency boundary so that a threshold can
 * never be lowered under answers that were given on its promise.
 */
export const roundDecider: Decider<RoundCommand, RoundEvent, RoundState> = {
  initialState: initialRoundState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'OpenRound':
        return openRound(command, state, ctx);
      case 'ChangeAnonymityThreshold':
        return changeAnonymityThreshold(command, state, ctx);
      case 'AddRespondents':
        return addRespondents(command, state, ctx);
      case 'RecordParticipation':
        return recordParticipation(command, state, ctx);
      case 'RecordAnswer':
        return recordAnswer(command, state, ctx);
      case 'CloseRound':
        return closeRound(command, state, ctx);
      case 'ChooseFocusItems':
        return chooseFocusItems(command, state, ctx);
      case 'AgreeAction':
        return agreeAction(command, state, ctx);
      case 'CompleteAction':
        return completeAction(command, state, ctx);
      case 'DropAction':
        return dropAction(command, state, ctx);
      case 'RateActionHelpfulness':
        return rateActionHelpfulness(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveRound,
};
