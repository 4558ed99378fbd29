import { Injectable } from '@nestjs/common';
import { ProjectionsHost } from '@leerzone/nest-platform';
import type { Zone } from '@leerzone/assessment-domain';
import { ROUNDS_PROJECTION, type RoundDocument } from '../read-model/rounds.projection';

/** The facts about a team's other rounds that opening and closing a round need. */
@Injectable()
export class TeamRounds {
  constructor(private readonly projections: ProjectionsHost) {}

  private get rounds() {
    return this.projections.readModels.collection<RoundDocument>(ROUNDS_PROJECTION, 'rounds');
  }

  async openRoundOf(tenantId: string, teamId: string): Promise<RoundDocument | null> {
    return this.rounds.findOne({ tenantId, teamId, status: 'open' });
  }

  /** The team's last closed round: its open actions are shown when the next one opens. */
  async lastClosed(tenantId: string, teamId: string, except?: string): Promise<RoundDocument | null> {
    const page = await this.rounds.find({ tenantId, teamId, status: 'closed', ...(except ? { roundId: { $ne: except } } : {}) }, { sort: { closedAt: -1 }, limit: 1 });
    return page.items[0] ?? null;
  }

  /** The zone of the team's last round that placed it: TeamZoneChanged is emitted from there. */
  async previousZone(tenantId: string, teamId: string, except: string): Promise<Zone | null> {
    const page = await this.rounds.find({ tenantId, teamId, status: 'closed', zone: { $ne: null }, roundId: { $ne: except } }, { sort: { closedAt: -1 }, limit: 1 });
    return page.items[0]?.zone?.zone ?? null;
  }

  /** Open rounds whose closesAt has passed, across tenants: the scheduler closes them. */
  async due(now: Date, limit = 50): Promise<RoundDocument[]> {
    const page = await this.rounds.find({ status: 'open', closesAt: { $ne: null, $lte: now.toISOString() } }, { sort: { closesAt: 1 }, limit });
    return page.items;
  }
}
