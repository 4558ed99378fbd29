import { Injectable } from '@nestjs/common';
import { ProblemException, ProjectionsHost } from '@leerzone/nest-platform';
import {
  initialTeamState,
  STANDARD_DECISION_AREAS,
  type DecisionAreaState,
  type TeamMemberState,
  type TeamState,
} from '@leerzone/governance-domain';
import { DELEGATION_BOARD_PROJECTION, type DecisionAreaDocument } from '../read-model/delegation-board.projection';
import { TEAM_MEMBERS_PROJECTION, type TeamMemberDocument } from '../read-model/team-members.projection';
import { TEAMS_PROJECTION, teamDocumentId, type TeamDocument } from '../read-model/teams.projection';

/**
 * Queries over the team read models. Where the domain has a view (membership, board,
 * readiness, phase progress), the documents are put back into the decider's state shape
 * and the domain's view function answers, so the read side never re-implements a rule.
 */
@Injectable()
export class TeamReadModels {
  constructor(private readonly projections: ProjectionsHost) {}

  /** The team, or 404 (also for another tenant's team). */
  async requireTeam(tenantId: string, teamId: string): Promise<TeamDocument> {
    // The tenant is part of every read-model query: ids alone never cross tenants.
    const team = await this.projections.readModels.collection<TeamDocument>(TEAMS_PROJECTION, 'teams').findOne({ _id: teamDocumentId(tenantId, teamId), tenantId });
    if (!team) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
    return team;
  }

  async members(tenantId: string, teamId: string): Promise<TeamMemberDocument[]> {
    const { items } = await this.projections.readModels
      .collection<TeamMemberDocument>(TEAM_MEMBERS_PROJECTION, 'members')
      .find({ tenantId, teamId }, { sort: { order: 1 } });
    return items;
  }

  /** The team's state as far as membership, the board and phases go (enough for the domain's views). */
  async teamState(tenantId: string, team: TeamDocument, parts: { members?: boolean; board?: boolean } = {}): Promise<TeamState> {
    const [members, areas] = await Promise.all([
      parts.members ? this.members(tenantId, team.teamId) : Promise.resolve([]),
      parts.board
        ? this.projections.readModels
            .collection<DecisionAreaDocument>(DELEGATION_BOARD_PROJECTION, 'areas')
            .find({ tenantId, teamId: team.teamId }, { sort: { order: 1 } })
            .then((page) => page.items)
        : Promise.resolve([]),
    ]);
    const memberStates = new Map<string, TeamMemberState>(
      members.map((m) => [m.memberId, { memberId: m.memberId, roles: m.roles, addedAt: m.addedAt, yesGivenAt: m.yesGivenAt }]),
    );
    const decisionAreas = new Map<string, DecisionAreaState>(initialTeamState.decisionAreas);
    for (const doc of areas) {
      const standard = Object.hasOwn(STANDARD_DECISION_AREAS, doc.area);
      const existing = decisionAreas.get(doc.area);
      decisionAreas.set(doc.area, {
        area: doc.area,
        title: doc.title ?? existing?.title ?? doc.area,
        custom: !standard,
        level: doc.level ?? null,
        levelSetAt: doc.levelSetAt ?? null,
        levelSetBy: doc.levelSetBy ?? null,
        levelReason: doc.levelReason ?? null,
        reviewBy: doc.reviewBy ?? null,
      });
    }
    return {
      ...initialTeamState,
      exists: true,
      teamId: team.teamId,
      name: team.name,
      unitId: team.unitId,
      purpose: team.purpose,
      createdBy: team.createdBy,
      createdAt: team.createdAt,
      phase: team.phase,
      phaseSince: team.phaseSince,
      phaseHistory: team.phaseHistory,
      members: memberStates,
      decisionAreas,
    };
  }
}
