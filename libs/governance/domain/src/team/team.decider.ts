import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import { addMember, changeMemberRoles, removeMember, sayYes, withdrawYes } from './membership.rules';
import { adoptBoundaryChangeByDeadline, closeBoundaryProposal, consentToBoundaryChange, objectToBoundaryChange, proposeBoundaryChange, withdrawBoundaryProposal } from './consent.rules';
import { removeTeamBoundary, setTeamBoundary } from './boundary.rules';
import { planCoachingTopic, recordCoachingSession } from './coaching.rules';
import { recordDecision } from './decision.rules';
import { answerEscalation } from './escalation.rules';
import { reviewAgreement, setReviewDate } from './review.rules';
import { addDecisionArea, setDelegationLevel } from './delegation.rules';
import { createTeam, moveTeamToUnit, renameTeam } from './lifecycle.rules';
import { moveTeamToPhase } from './phase.rules';
import { adoptPrinciple, retirePrinciple, revisePrinciple } from './principle.rules';
import type { TeamCommand } from './team.commands';
import type { TeamEvent } from './team.events';
import type { TeamState } from './team.state';
import { evolveTeam, initialTeamState } from './team.state';

export const teamStreamId = (tenantId: string, teamId: string): string => aggregateStreamId('team-', tenantId, teamId);

/**
 * One team, one stream: membership, the yes, phases, coaching, boundaries with their
 * consent proposals, the delegation board, decisions and principles. They share one
 * consistency boundary because a decision must be checked against exactly the boundaries
 * and board of that moment, and self-steering against exactly the current members' yes.
 */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'CreateTeam':
        return createTeam(command, state, ctx);
      case 'RenameTeam':
        return renameTeam(command, state, ctx);
      case 'MoveTeamToUnit':
        return moveTeamToUnit(command, state, ctx);
      case 'AddMember':
        return addMember(command, state, ctx);
      case 'ChangeMemberRoles':
        return changeMemberRoles(command, state, ctx);
      case 'RemoveMember':
        return removeMember(command, state, ctx);
      case 'SayYes':
        return sayYes(command, state, ctx);
      case 'WithdrawYes':
        return withdrawYes(command, state, ctx);
      case 'MoveTeamToPhase':
        return moveTeamToPhase(command, state, ctx);
      case 'PlanCoachingTopic':
        return planCoachingTopic(command, state, ctx);
      case 'RecordCoachingSession':
        return recordCoachingSession(command, state, ctx);
      case 'SetTeamBoundary':
        return setTeamBoundary(command, state, ctx);
      case 'RemoveTeamBoundary':
        return removeTeamBoundary(command, state, ctx);
      case 'ProposeBoundaryChange':
        return proposeBoundaryChange(command, state, ctx);
      case 'ConsentToBoundaryChange':
        return consentToBoundaryChange(command, state, ctx);
      case 'ObjectToBoundaryChange':
        return objectToBoundaryChange(command, state, ctx);
      case 'CloseBoundaryProposal':
        return closeBoundaryProposal(command, state, ctx);
      case 'WithdrawBoundaryProposal':
        return withdrawBoundaryProposal(command, state, ctx);
      case 'AdoptBoundaryChangeByDeadline':
        return adoptBoundaryChangeByDeadline(command, state, ctx);
      case 'AnswerEscalation':
        return answerEscalation(command, state, ctx);
      case 'SetReviewDate':
        return setReviewDate(command, state, ctx);
      case 'ReviewAgreement':
        return reviewAgreement(command, state, ctx);
      case 'AddDecisionArea':
        return addDecisionArea(command, state, ctx);
      case 'SetDelegationLevel':
        return setDelegationLevel(command, state, ctx);
      case 'RecordDecision':
        return recordDecision(command, state, ctx);
      case 'AdoptPrinciple':
        return adoptPrinciple(command, state, ctx);
      case 'RevisePrinciple':
        return revisePrinciple(command, state, ctx);
      case 'RetirePrinciple':
        return retirePrinciple(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveTeam,
};
