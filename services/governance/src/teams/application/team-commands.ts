import { Inject, Injectable } from '@nestjs/common';
import { loadStream, reject, type CommandContext, type EventStore } from '@leerzone/kernel';
import { EVENT_STORE, ProblemException } from '@leerzone/nest-platform';
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

/** Runs a command on one team's stream with its access rule, its unit frame and If-Match. */
@Injectable()
export class TeamCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly frames: UnitFrames,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(write: WriteRequest, teamId: string, spec: TeamCommandSpec): Promise<CommandResult<TeamEvent, TeamState>> {
    const ctx: CommandContext = write.context(spec.reason);
    const streamId = teamStreamId(teamId);
    let unitBoundaries: readonly EffectiveBoundary[] = [];
    let frameUnitId: string | null | undefined;
    const frame = spec.frame ?? 'none';
    if (frame === 'team-unit') {
      const { state } = await loadStream(this.store, teamDecider, streamId, ctx.tenantId);
      if (!state.exists) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
      frameUnitId = state.unitId;
      unitBoundaries = await this.frames.forCommand(ctx.tenantId, state.unitId);
    } else if (frame !== 'none') {
      unitBoundaries = await this.frames.forCommand(ctx.tenantId, frame.unitId);
    }
    return this.commands.run(teamDecider, streamId, spec.command(unitBoundaries), ctx, {
      ifMatch: write.ifMatch,
      guard: ({ state }) => {
        const refused = checkTeamAccess(spec.access, state, teamId, write.principal, spec.what);
        if (refused) return refused;
        // The frame was read for the unit the team was in; a move in between would check against the wrong one.
        if (frameUnitId !== undefined && state.unitId !== frameUnitId) {
          return reject('conflict', 'TEAM.UNIT_CHANGED', `Team ${teamId} moved to another unit while this was being decided; try again.`);
        }
        return null;
      },
    });
  }
}
