import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole, TeamScoped, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { guardedQuery, PageQuery } from '@leerzone/service-kit';
import { TeamIdParam } from '../../shared/assessment-fields';
import { refuse, TeamAccess } from '../../shared/team-access';
import { TEAM_ZONES_PROJECTION, type ZoneChangeDocument } from '../read-model/team-zones.projection';

const ZoneHistoryQuery = z.strictObject({ ...PageQuery });

@ApiTags('assessment: results')
@Controller('api/assessment/teams')
export class GetTeamZoneController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly access: TeamAccess,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/zone')
  @ApiOperation({ summary: "The team's current zone (learning, comfort, anxiety, apathy) and its moves between zones, newest first (limit/after)." })
  @ApiOkResponse({ schema: { example: { teamId: '0193…', zone: 'learning', changes: [{ roundId: '0193…', from: 'comfort', to: 'learning', safety: 5.4, standards: 5.2, changedAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiQueryFrom(ZoneHistoryQuery)
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { limit, after } = parseRequest(ZoneHistoryQuery, query, 'query');
    await this.access.requireTeam(principal.tenantId, teamId);
    refuse(await this.access.reader(principal, teamId));
    const changes = this.projections.readModels.collection<ZoneChangeDocument>(TEAM_ZONES_PROJECTION, 'changes');
    const page = await guardedQuery(() => changes.find({ tenantId: principal.tenantId, teamId }, { sort: { changedAt: -1 }, limit, ...(after ? { after } : {}) }));
    const latest = after ? (await changes.find({ tenantId: principal.tenantId, teamId }, { sort: { changedAt: -1 }, limit: 1 })).items[0] : page.items[0];
    return { teamId, zone: latest?.to ?? null, changes: page.items.map(({ _id, tenantId: _tenant, ...change }) => change), ...(page.next ? { next: page.next } : {}) };
  }
}
