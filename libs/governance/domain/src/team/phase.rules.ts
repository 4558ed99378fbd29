import { reject } from '@leerzone/kernel';
import { requiredReason } from '../shared/validation';
import type { MoveTeamToPhase } from './team.commands';
import type { TeamRule } from './team.guards';
import { at, requireTeam } from './team.guards';
import type { TeamPhase } from './team.model';
import { phaseRank, TEAM_PHASES } from './team.model';
import { selfSteeringReadiness } from './team.queries';

const isPhase = (value: unknown): value is TeamPhase => (TEAM_PHASES as readonly unknown[]).includes(value);

/**
 * Teams move forward one phase at a time (the article: give a team time); a team that
 * follows a pilot goes from preparing straight to forming. Going back is allowed, because
 * it happens, but it needs a reason: taking control back is the pitfall to make visible.
 */
export const moveTeamToPhase: TeamRule<MoveTeamToPhase> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const phase = command.data.phase;
  if (!isPhase(phase)) {
    return reject('invalid', 'PHASE.INVALID', `The phase must be one of ${TEAM_PHASES.join(', ')}.`, { field: 'phase' });
  }
  const from = state.phase;
  if (phase === from) return [];
  let reason: string | null = ctx.reason?.trim() || null;
  if (phaseRank(phase) < phaseRank(from)) {
    const required = requiredReason(ctx.reason, `move team ${state.teamId} back from ${from} to ${phase}`);
    if (typeof required !== 'string') return required;
    reason = required;
  } else {
    const nextStep = phaseRank(phase) === phaseRank(from) + 1;
    const followingTeamSkipsPilot = from === 'preparing' && phase === 'forming';
    if (!nextStep && !followingTeamSkipsPilot) {
      return reject(
        'precondition',
        'PHASE.SKIPPED',
        `Team ${state.teamId} is ${from}; it can move on to ${TEAM_PHASES[phaseRank(from) + 1]}, not jump to ${phase}.`,
        { field: 'phase', details: { from, to: phase } },
      );
    }
  }
  if (phase === 'self-steering') {
    const readiness = selfSteeringReadiness(state);
    if (readiness.requiredMemberIds.length === 0) {
      return reject('precondition', 'PHASE.NO_MEMBERS', `Team ${state.teamId} has no members to steer themselves.`, { field: 'phase' });
    }
    if (!readiness.ready) {
      return reject(
        'precondition',
        'PHASE.YES_MISSING',
        `Team ${state.teamId} can become self-steering only when every member has said yes; still waiting for ${readiness.missingMemberIds.join(', ')}.`,
        { field: 'phase', details: { missingMemberIds: readiness.missingMemberIds } },
      );
    }
  }
  return [
    { type: 'TeamPhaseChanged', data: { teamId: command.data.teamId, previousPhase: from, phase, changedBy: ctx.actor.id, changedAt: at(ctx), reason } },
  ];
};
