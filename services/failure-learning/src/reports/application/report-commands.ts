import { Injectable } from '@nestjs/common';
import { reject, type CommandContext, type Rejection } from '@leerzone/kernel';
import { reportDecider, reportStreamId, type ReportCommand, type ReportEvent, type ReportState } from '@leerzone/failure-learning-domain';
import { ServiceCommands, type CommandResult, type WriteRequest } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';

export const reportNotFound = (reportId: string): Rejection => reject('not-found', 'REPORT.NOT_FOUND', `There is no failure report ${reportId}.`, { field: 'reportId' });

export interface ReportRun {
  /** Completes "Only members and coaches of team X can …". */
  readonly what: string;
  /** The team whose members may act: the report's own (default), or e.g. an action's owner team. */
  readonly actingTeam?: (state: ReportState) => string | Rejection;
  readonly command: (state: ReportState) => Promise<ReportCommand | Rejection> | ReportCommand | Rejection;
  readonly reason?: string | undefined;
  readonly commandType: ReportCommand['type'];
}

/**
 * Commands on an existing report. Who may act is checked inside the decision's lookup, on the
 * state the append is made on, against the service's own team directory — so a member
 * removed in governance is refused here as soon as the directory has heard of it.
 */
@Injectable()
export class ReportCommands {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
  ) {}

  run(write: WriteRequest, reportId: string, run: ReportRun, ctx: CommandContext = write.context(run.reason)): Promise<CommandResult<ReportEvent, ReportState>> {
    return this.commands.run(reportDecider, reportStreamId(ctx.tenantId, reportId), null, ctx, {
      ifMatch: write.ifMatch,
      commandType: run.commandType,
      lookup: async (state) => {
        if (!state.exists) return reportNotFound(reportId);
        const team = run.actingTeam ? run.actingTeam(state) : state.teamId!;
        if (typeof team !== 'string') return team;
        const refused = await this.access.check(write.principal, team, 'team', run.what, run.actingTeam ? 'actionId' : 'reportId');
        if (refused) return refused.code === 'TEAM.NOT_FOUND' ? reportNotFound(reportId) : refused;
        return run.command(state);
      },
    });
  }
}

/** An action is completed or declined by its owner team; an unknown action is the domain's to refuse. */
export const ownerTeamOf =
  (actionId: string) =>
  (state: ReportState): string | Rejection =>
    state.actions.get(actionId)?.ownerTeamId ?? reject('not-found', 'FOLLOW_UP.NOT_FOUND', `Report ${state.reportId} has no follow-up action ${actionId}.`, { field: 'actionId' });
