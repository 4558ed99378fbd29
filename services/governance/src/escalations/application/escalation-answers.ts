import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { teamDecider, teamStreamId, type EscalationAnswerer, type TeamCommand, type TeamEvent, type TeamState } from '@leerzone/governance-domain';
import { type CommandResult, ServiceCommands, type WriteRequest } from '@leerzone/service-kit';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { checkTeamAccess } from '../../teams/application/team-access';

/**
 * Answers an escalation for the layer above. The capacity is found on the state the answer
 * is decided on: an admin or transformation lead by token role; otherwise a coach of the
 * team (team role), otherwise the escalation contact named for the team's unit (read from
 * the organisation stream). Anyone else is refused with ESCALATION.NOT_ANSWERER.
 */
@Injectable()
export class EscalationAnswers {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly frames: UnitFrames,
  ) {}

  async answer(write: WriteRequest, teamId: string, escalation: { kind: 'decision' | 'proposal'; id: string }, answer: 'approve' | 'decline', reason: string | undefined): Promise<CommandResult<TeamEvent, TeamState>> {
    const ctx = write.context(reason);
    const principal = write.principal;
    return this.commands.run(teamDecider, teamStreamId(ctx.tenantId, teamId), null, ctx, {
      ifMatch: write.ifMatch,
      commandType: 'AnswerEscalation',
      guard: ({ state }) => checkTeamAccess('anyone', state, teamId, principal, 'answer escalations'),
      lookup: async (state): Promise<TeamCommand | Rejection> => {
        const unitContactIds = await this.frames.escalationContactsForCommand(ctx.tenantId, state.unitId);
        const answeredAs: EscalationAnswerer | null = principal.roles.includes('admin')
          ? 'admin'
          : principal.roles.includes('transformation-lead')
            ? 'transformation-lead'
            : state.members.get(principal.userId)?.roles.includes('coach')
              ? 'team-coach'
              : unitContactIds.includes(principal.userId)
                ? 'unit-contact'
                : null;
        if (answeredAs === null) {
          return reject(
            'forbidden',
            'ESCALATION.NOT_ANSWERER',
            `Escalations of team ${teamId} are answered by its coaches, the escalation contact of its unit, a transformation lead or an admin; ${principal.userId} is none of these.`,
          );
        }
        return { type: 'AnswerEscalation', data: { teamId, escalation, answer, answeredAs, unitContactIds, unitBoundaries: await this.frames.forCommand(ctx.tenantId, state.unitId) } };
      },
    });
  }
}
