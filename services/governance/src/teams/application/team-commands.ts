import { Injectable } from '@nestjs/common';
import { reject, type CommandContext, type Rejection } from '@leerzone/kernel';
import { teamDecider, teamStreamId, type EffectiveBoundary, type TeamCommand, type TeamEvent, type TeamState } from '@leerzone/governance-domain';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { type CommandResult, ServiceCommands, type WriteRequest } from '@leerzone/service-kit';
import { checkTeamAccess, type TeamAccess } from './team-access';

export interface TeamCommandSpec {
  readonly access: TeamAccess;
  /** Completes "Only … can <what>" in a refusal. */
  readonly what: string;
  /** Why, from the body (`reason`); `X-Reason` otherwise. */
  readonly reason?: string | undefined;
  /**
   * The unit frame the command needs: none, the team's current unit (boundaries, consent,
   * decisions), or a named unit (moving the team there).
   */
  readonly frame?: 'none' | 'team-unit' | { readonly unitId: string };
  readonly command: (unitBoundaries: readonly EffectiveBoundary[]) => TeamCommand;
}

/**
 * Runs a command on one team's stream with its access rule, its unit frame and If-Match.
 * The frame is looked up from the state the command is decided on (once per attempt), so a
 * move to another unit in between can never be checked against the wrong frame.
 */
@Injectable()
export class TeamCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly frames: UnitFrames,
  ) {}

  async run(write: WriteRequest, teamId: string, spec: TeamCommandSpec): Promise<CommandResult<TeamEvent, TeamState>> {
    const ctx: CommandContext = write.context(spec.reason);
    const streamId = teamStreamId(ctx.tenantId, teamId);
    const frame = spec.frame ?? 'none';
    const guard = ({ state }: { state: TeamState }) => checkTeamAccess(spec.access, state, teamId, write.principal, spec.what);
    if (frame === 'none') return this.commands.run(teamDecider, streamId, spec.command([]), ctx, { ifMatch: write.ifMatch, guard });
    return this.commands.run(teamDecider, streamId, null, ctx, {
      ifMatch: write.ifMatch,
      guard,
      // The command's type does not depend on the frame; it names the trace span.
      commandType: spec.command([]).type,
      lookup: async (state): Promise<TeamCommand | Rejection> => {
        if (frame !== 'team-unit') return spec.command(await this.frames.forCommand(ctx.tenantId, frame.unitId));
        if (!state.exists) return reject('not-found', 'TEAM.NOT_FOUND', `There is no team ${teamId}.`);
        return spec.command(await this.frames.forCommand(ctx.tenantId, state.unitId));
      },
    });
  }
}
