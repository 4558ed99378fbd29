import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { okrTeamDecider, okrTeamStreamId, type OkrTeamCommand, type OkrTeamEvent, type OkrTeamState } from '@leerzone/okr-domain';
import { ServiceCommands, type CommandResult, type WriteRequest } from '@leerzone/service-kit';
import { OkrAccess } from '../../shared/okr-access';

/**
 * Runs a command on a team's OKR stream (cadence, KPIs): the team must be known from
 * governance, and the caller one of its current members or its coach, or a lead —
 * checked per attempt, so a removal in governance counts at once.
 */
@Injectable()
export class OkrTeamCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: OkrAccess,
  ) {}

  run(
    write: WriteRequest,
    teamId: string,
    spec: { readonly what: string; readonly reason?: string | undefined; readonly commandType: OkrTeamCommand['type']; readonly build: () => Promise<OkrTeamCommand | Rejection> | OkrTeamCommand | Rejection },
  ): Promise<CommandResult<OkrTeamEvent, OkrTeamState>> {
    const principal = write.principal;
    return this.commands.run(okrTeamDecider, okrTeamStreamId(write.principal.tenantId, teamId), null, write.context(spec.reason), {
      ifMatch: write.ifMatch,
      commandType: spec.commandType,
      lookup: async () => {
        const unknownTeam = await this.access.requireTeam(principal.tenantId, teamId);
        if (unknownTeam) return unknownTeam;
        const relation = await this.access.relationTo(principal, { kind: 'team', id: teamId });
        if (!this.access.isLead(principal) && relation === 'none') {
          return reject('forbidden', 'OKR.NOT_A_MEMBER', `Only a current member or the coach of team ${teamId} (or a lead) can ${spec.what}.`);
        }
        return spec.build();
      },
    });
  }
}
