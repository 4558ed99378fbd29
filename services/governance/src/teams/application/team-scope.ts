import { Injectable } from '@nestjs/common';
import { ProjectionsHost } from '@leerzone/nest-platform';
import type { Document, Filter } from '@leerzone/projection-store';
import type { ReadModelCollection } from '@leerzone/projections';
import { unitSubtree } from '@leerzone/governance-domain';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { ORGANISATIONS_PROJECTION, type UnitDocument } from '../../organisations/read-model/organisations.projection';
import { TEAM_MEMBERS_PROJECTION, type TeamMemberDocument } from '../read-model/team-members.projection';
import { TEAMS_PROJECTION, type TeamDocument } from '../read-model/teams.projection';

/** Which teams a query is about: a unit (and every unit below it), the teams a person coaches, the teams a named contact answers for. */
@Injectable()
export class TeamScope {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly frames: UnitFrames,
  ) {}

  /** The unit and its descendants, from the read model; just the unit when no organisation knows it. */
  async unitAndBelow(tenantId: string, unitId: string): Promise<string[]> {
    const organisationId = await this.frames.organisationOf(tenantId, unitId);
    if (organisationId === null) return [unitId];
    const organisation = await this.frames.organisationFromReadModel(tenantId, organisationId);
    return organisation ? [...unitSubtree(organisation.state, unitId)] : [unitId];
  }

  async teamsInUnits(tenantId: string, unitIds: readonly string[]): Promise<TeamDocument[]> {
    if (unitIds.length === 0) return [];
    return this.all(this.projections.readModels.collection<TeamDocument>(TEAMS_PROJECTION, 'teams'), { tenantId, unitId: { $in: [...unitIds] } });
  }

  async teamsOfUnit(tenantId: string, unitId: string): Promise<TeamDocument[]> {
    return this.teamsInUnits(tenantId, await this.unitAndBelow(tenantId, unitId));
  }

  /** Teams in which the person holds the team role coach. */
  async coachedBy(tenantId: string, userId: string): Promise<string[]> {
    const members = await this.all(this.projections.readModels.collection<TeamMemberDocument>(TEAM_MEMBERS_PROJECTION, 'members'), { tenantId, memberId: userId });
    return members.filter((m) => m.roles.includes('coach')).map((m) => m.teamId);
  }

  /** Teams in the units (and below) the person was named the escalation contact of. */
  async answeredForAsContact(tenantId: string, userId: string): Promise<string[]> {
    const units = await this.all(this.projections.readModels.collection<UnitDocument>(ORGANISATIONS_PROJECTION, 'units'), { tenantId, escalationContactId: userId });
    const unitIds = new Set<string>();
    for (const unit of units) for (const id of await this.unitAndBelow(tenantId, unit.unitId)) unitIds.add(id);
    return (await this.teamsInUnits(tenantId, [...unitIds])).map((t) => t.teamId);
  }

  private async all<T extends Document>(collection: ReadModelCollection<T>, filter: Filter): Promise<T[]> {
    const items: T[] = [];
    let after: string | undefined;
    do {
      const page = await collection.find(filter, { limit: 500, ...(after ? { after } : {}) });
      items.push(...page.items);
      after = page.next;
    } while (after);
    return items;
  }
}
