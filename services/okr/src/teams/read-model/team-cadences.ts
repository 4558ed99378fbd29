import { Injectable } from '@nestjs/common';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { DEFAULT_CHECK_IN_CADENCE_DAYS, type ObjectiveOwner } from '@leerzone/okr-domain';
import { OKR_TEAMS_PROJECTION, type OkrTeamDocument } from './okr-teams.projection';

/** Each owner's check-in cadence: the team's own, or the default (units, and teams that never set one). */
@Injectable()
export class TeamCadences {
  constructor(private readonly projections: ProjectionsHost) {}

  async forOwners(tenantId: string, owners: readonly ObjectiveOwner[]): Promise<(owner: ObjectiveOwner) => number> {
    const teamIds = [...new Set(owners.filter((o) => o.kind === 'team').map((o) => o.id))];
    const cadences = new Map<string, number>();
    if (teamIds.length > 0) {
      const page = await this.projections.readModels
        .collection<OkrTeamDocument>(OKR_TEAMS_PROJECTION, 'teams')
        .find({ tenantId, teamId: { $in: teamIds } }, { limit: teamIds.length });
      for (const t of page.items) cadences.set(t.teamId, t.checkInCadenceDays);
    }
    return (owner) => (owner.kind === 'team' ? (cadences.get(owner.id) ?? DEFAULT_CHECK_IN_CADENCE_DAYS) : DEFAULT_CHECK_IN_CADENCE_DAYS);
  }
}
