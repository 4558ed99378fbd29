import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { roundDecider, roundStreamId, type RoundCommand, type RoundEvent, type RoundState } from '@leerzone/assessment-domain';
import { ServiceCommands, type CommandResult, type WriteRequest } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/team-access';
import { refuseIfMatch } from './round-answer';

export interface RoundCommandSpec {
  /** coach: the team's coach only; team: its current members and coaches. */
  readonly access: 'coach' | 'team';
  /** Completes "Only … can <what>" in a refusal. */
  readonly what: string;
  readonly reason?: string | undefined;
  /** More checks against the directory, on the state of this attempt. */
  readonly check?: (state: RoundState) => Promise<Rejection | null>;
  readonly command: (state: RoundState) => RoundCommand;
}

/** A command on one round's stream, with the team relation from governance checked on every attempt. */
@Injectable()
export class RoundCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
  ) {}

  run(write: WriteRequest, roundId: string, spec: RoundCommandSpec): Promise<CommandResult<RoundEvent, RoundState>> {
    refuseIfMatch(write);
    return this.commands.run(roundDecider, roundStreamId(write.principal.tenantId, roundId), null, write.context(spec.reason), {
      lookup: async (state) => {
        if (!state.exists) return reject('not-found', 'ROUND.NOT_FOUND', `There is no round ${roundId}.`, { field: 'roundId' });
        const refused = spec.access === 'coach' ? await this.access.coach(write.principal, state.teamId!, spec.what) : await this.access.onTeam(write.principal, state.teamId!, spec.what);
        if (refused) return refused;
        const more = await spec.check?.(state);
        if (more) return more;
        return spec.command(state);
      },
    });
  }
}
