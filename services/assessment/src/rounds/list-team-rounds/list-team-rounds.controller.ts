import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole, TeamScoped, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { guardedQuery, PageQuery } from '@leerzone/service-kit';
import { TeamIdParam } from '../../shared/assessment-fields';
import { refuse, TeamAccess } from '../../shared/team-access';
import { ROUNDS_PROJECTION, type RoundDocument } from '../read-model/rounds.projection';

const ListTeamRoundsQuery = z.strictObject({ status: z.enum(['open', 'closed']).optional(), ...PageQuery });

@ApiTags('assessment: rounds')
@Controller('api/assessment/teams')
export class ListTeamRoundsController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly access: TeamAccess,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/rounds')
  @ApiOperation({ summary: "A team's rounds, newest first (limit/after, ?status=open|closed): instruments, group size, threshold, dates, outcome and zone. No answer counts." })
  @ApiOkResponse({ schema: { example: { items: [{ roundId: '0193…', status: 'closed', outcome: 'results', zone: { zone: 'learning' }, groupSize: 6, anonymityThreshold: 5 }], next: 'cursor' } } })
  @ApiQueryFrom(ListTeamRoundsQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { status, limit, after } = parseRequest(ListTeamRoundsQuery, query, 'query');
    await this.access.requireTeam(principal.tenantId, teamId);
    refuse(await this.access.reader(principal, teamId));
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<RoundDocument>(ROUNDS_PROJECTION, 'rounds')
        .find({ tenantId: principal.tenantId, teamId, ...(status ? { status } : {}) }, { sort: { openedAt: -1 }, limit, ...(after ? { after } : {}) }),
    );
    return { items: page.items.map(({ _id, tenantId: _tenant, ...round }) => round), ...(page.next ? { next: page.next } : {}) };
  }
}
