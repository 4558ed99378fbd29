import { Injectable } from '@nestjs/common';
import type { Principal } from '@leerzone/nest-platform';
import { openActions, roundProgress, type RoundState } from '@leerzone/assessment-domain';
import { AssessmentStreams, type LoadedRound } from '../../shared/assessment-streams';
import { refuse, TeamAccess } from '../../shared/team-access';

/** Reads of one round for the people who may see it; every number goes through the domain's threshold rules. */
@Injectable()
export class RoundViews {
  constructor(
    private readonly streams: AssessmentStreams,
    private readonly access: TeamAccess,
  ) {}

  /** The round (404 also for another tenant's), if the caller is on its team or reads tenant-wide. */
  async readable(principal: Principal, roundId: string): Promise<LoadedRound> {
    const loaded = await this.streams.requireRound(principal.tenantId, roundId);
    refuse(await this.access.reader(principal, loaded.state.teamId!));
    return loaded;
  }

  async summary(principal: Principal, state: RoundState) {
    const previous = state.previousRoundId ? await this.streams.round(principal.tenantId, state.previousRoundId) : null;
    return {
      roundId: state.roundId,
      teamId: state.teamId,
      status: state.status,
      instruments: state.instruments.map((d) => ({ instrumentId: d.instrumentId, version: d.version, title: d.title })),
      groupSize: state.respondentIds.size,
      anonymityThreshold: state.anonymityThreshold,
      openedBy: state.openedBy,
      openedAt: state.openedAt,
      closesAt: state.closesAt,
      closedAt: state.closedAt,
      /** "not enough answers yet", or "n of group" from the threshold up; nothing else. */
      progress: roundProgress(state),
      /** The last round's actions that are still open: where this round starts from. */
      previousRound: previous?.state.exists ? { roundId: previous.state.roundId, openActions: openActions(previous.state) } : null,
    };
  }
}
