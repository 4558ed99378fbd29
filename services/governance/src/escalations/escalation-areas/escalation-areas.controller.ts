import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import type { Filter } from '@leerzone/projection-store';
import { TeamScope } from '../../teams/application/team-scope';
import { ESCALATIONS_PROJECTION, type EscalationDocument } from '../read-model/escalations.projection';
import { EscalationAreasQuery } from './escalation-areas.request';

/**
 * Where escalations repeat: per team and decision area, how often the team had to go to
 * the layer above, and how those answers went. Repeats in one area say the mandate there
 * no longer fits the work (widen it, or coach) — the article's "healthy line to the layer above".
 */
@ApiTags('governance: escalations')
@Controller('api/governance/escalations')
export class EscalationAreasController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly scope: TeamScope,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get('areas')
  @ApiOperation({ summary: 'Repeated escalations per team and decision area (proposals count under "boundaries"), most first: how many, how many still open, approved and declined, the first and the latest. ?unitId= ?teamId= ?since= ?minCount= (default 2).' })
  @ApiQueryFrom(EscalationAreasQuery)
  @ApiOkResponse({
    schema: {
      example: {
        items: [{ teamId: 'team-a', area: 'budget-spend', count: 3, open: 1, approved: 2, declined: 0, firstEscalatedAt: '2026-01-10T09:00:00.000Z', lastEscalatedAt: '2026-03-01T09:00:00.000Z' }],
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { unitId, teamId, since, minCount } = parseRequest(EscalationAreasQuery, query, 'query');
    const tenantId = principal.tenantId;
    const conditions: Filter[] = [{ tenantId }];
    if (teamId) conditions.push({ teamId });
    if (unitId) conditions.push({ teamId: { $in: (await this.scope.teamsOfUnit(tenantId, unitId)).map((t) => t.teamId) } });
    if (since) conditions.push({ escalatedAt: { $gte: new Date(since).toISOString() } });
    const collection = this.projections.readModels.collection<EscalationDocument>(ESCALATIONS_PROJECTION, 'escalations');
    const counts = new Map<string, { teamId: string; area: string; count: number; open: number; approved: number; declined: number; firstEscalatedAt: string; lastEscalatedAt: string }>();
    let after: string | undefined;
    do {
      const page = await collection.find({ $and: conditions }, { sort: { escalatedAt: 1 }, limit: 500, ...(after ? { after } : {}) });
      for (const e of page.items) {
        const key = `${e.teamId}\u0000${e.area}`;
        const entry = counts.get(key) ?? { teamId: e.teamId, area: e.area, count: 0, open: 0, approved: 0, declined: 0, firstEscalatedAt: e.escalatedAt, lastEscalatedAt: e.escalatedAt };
        entry.count += 1;
        entry[e.status] += 1;
        entry.lastEscalatedAt = e.escalatedAt;
        counts.set(key, entry);
      }
      after = page.next;
    } while (after);
    const items = [...counts.values()].filter((c) => c.count >= minCount).sort((a, b) => b.count - a.count || a.teamId.localeCompare(b.teamId) || a.area.localeCompare(b.area));
    return { items };
  }
}
