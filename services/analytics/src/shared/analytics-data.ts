import { Injectable } from '@nestjs/common';
import { DEFAULT_ANONYMITY_THRESHOLD, unitAndDescendants, type ObjectiveRecord, type ReportRecord, type RoundRecord, type TeamRecord, type TeamSources } from '@leerzone/analytics-domain';
import { ProjectionsHost } from '@leerzone/nest-platform';
import type { ReadModelCollection } from '@leerzone/projections';
import type { Filter } from '@leerzone/projection-store';
import { TEAM_OVERVIEW_PROJECTION, type TeamDocument, type UnitDocument } from '../teams/read-model/team-overview.projection';
import { ROUNDS_PROJECTION, type RoundDocument, type SettingsDocument } from '../trust/read-model/rounds.projection';
import { OBJECTIVES_PROJECTION, type ObjectiveDocument } from '../okr/read-model/objectives.projection';
import { OUTCOMES_PROJECTION, type OutcomeDocument } from '../outcomes/read-model/outcomes.projection';
import { FAILURE_REPORTS_PROJECTION, type ReportDocument } from '../failures/read-model/failure-reports.projection';

const PAGE = 500;

/** A document as the domain reads it: without the store's `_id`. */
function strip<R>(document: R & { _id: string }): R {
  const { _id, ...rest } = document;
  return rest as unknown as R;
}

/** Which teams a query covers: by unit (with every unit below it), by team ids, by phase. */
export interface TeamScope {
  readonly unitId?: string;
  readonly teamIds?: readonly string[];
  readonly phases?: readonly string[];
}

/**
 * Reads analytics' read models for one tenant: the teams in a scope, page by page, each with its
 * rounds, objectives and reports. Every query carries the caller's tenant.
 */
@Injectable()
export class AnalyticsData {
  constructor(private readonly projections: ProjectionsHost) {}

  private collection<T extends { _id: string; [key: string]: unknown }>(projection: string, name: string): ReadModelCollection<T> {
    return this.projections.readModels.collection<T>(projection, name);
  }

  get teams() {
    return this.collection<TeamDocument>(TEAM_OVERVIEW_PROJECTION, 'teams');
  }

  /** The tenant's anonymity threshold as assessment publishes it (5 until configured). */
  async threshold(tenantId: string): Promise<number> {
    const settings = await this.collection<SettingsDocument>(ROUNDS_PROJECTION, 'settings').findOne({ _id: tenantId, tenantId });
    return settings?.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD;
  }

  /** The ids of the tenant's teams (for checking imports). */
  async teamIds(tenantId: string): Promise<string[]> {
    return (await all(this.teams, { tenantId })).map((t) => t.teamId);
  }

  /** The outcome measures of one period. */
  async outcomes(tenantId: string, period: string): Promise<OutcomeDocument[]> {
    return all(this.collection<OutcomeDocument>(OUTCOMES_PROJECTION, 'outcomes'), { tenantId, period });
  }

  async units(tenantId: string): Promise<UnitDocument[]> {
    return all(this.collection<UnitDocument>(TEAM_OVERVIEW_PROJECTION, 'units'), { tenantId });
  }

  /** The teams filter of a scope, for the `teams` collection. */
  async teamFilter(tenantId: string, scope: TeamScope): Promise<Filter> {
    const filter: Record<string, unknown> = { tenantId };
    if (scope.unitId !== undefined) filter['unitId'] = { $in: [...unitAndDescendants(await this.units(tenantId), scope.unitId)] };
    if (scope.teamIds !== undefined) filter['teamId'] = { $in: [...scope.teamIds] };
    if (scope.phases !== undefined) filter['phase'] = { $in: [...scope.phases] };
    return filter as Filter;
  }

  /** Each team with its rounds, objectives and reports, in the order given. */
  async sourcesOf(tenantId: string, teams: readonly TeamDocument[]): Promise<TeamSources[]> {
    if (teams.length === 0) return [];
    const teamId = { $in: teams.map((t) => t.teamId) };
    const [rounds, objectives, reports] = await Promise.all([
      all(this.collection<RoundDocument>(ROUNDS_PROJECTION, 'rounds'), { tenantId, teamId }),
      all(this.collection<ObjectiveDocument>(OBJECTIVES_PROJECTION, 'objectives'), { tenantId, teamId }),
      all(this.collection<ReportDocument>(FAILURE_REPORTS_PROJECTION, 'reports'), { tenantId, teamId }),
    ]);
    const by = <R extends { teamId: string | null }>(items: Array<R & { _id: string }>) => {
      const map = new Map<string, R[]>();
      for (const item of items) {
        if (item.teamId === null) continue;
        const list = map.get(item.teamId) ?? [];
        list.push(strip<R>(item));
        map.set(item.teamId, list);
      }
      return map;
    };
    const roundsBy = by<RoundRecord>(rounds);
    const objectivesBy = by<ObjectiveRecord>(objectives);
    const reportsBy = by<ReportRecord>(reports);
    return teams.map((team) => ({
      team: strip<TeamRecord>(team),
      rounds: roundsBy.get(team.teamId) ?? [],
      objectives: objectivesBy.get(team.teamId) ?? [],
      reports: reportsBy.get(team.teamId) ?? [],
    }));
  }

  /** Every team of a scope with its documents (for roll-ups, series and signals). */
  async allSources(tenantId: string, scope: TeamScope = {}): Promise<TeamSources[]> {
    const out: TeamSources[] = [];
    for await (const page of this.teamPages(tenantId, scope)) out.push(...(await this.sourcesOf(tenantId, page)));
    return out;
  }

  /** The teams of a scope in pages by name: what an export walks without holding them all. */
  async *teamPages(tenantId: string, scope: TeamScope, pageSize = PAGE): AsyncGenerator<TeamDocument[]> {
    const filter = await this.teamFilter(tenantId, scope);
    let after: string | undefined;
    do {
      const page = await this.teams.find(filter, { sort: { name: 1 }, limit: pageSize, ...(after ? { after } : {}) });
      if (page.items.length > 0) yield page.items;
      after = page.next;
    } while (after);
  }
}

async function all<T extends { _id: string; [key: string]: unknown }>(collection: ReadModelCollection<T>, filter: Filter): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const page = await collection.find(filter, { sort: { _id: 1 }, limit: PAGE, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.next;
  } while (after);
  return out;
}
