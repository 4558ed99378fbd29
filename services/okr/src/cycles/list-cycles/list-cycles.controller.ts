import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProjectionsHost, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { guardedQuery } from '@leerzone/service-kit';
import { READERS } from '../../shared/access';
import { CYCLE_ID } from '../../shared/openapi-examples';
import { CYCLES_PROJECTION, type CycleDocument } from '../read-model/cycles.projection';
import { ListCyclesQuery } from './list-cycles.request';

export const CYCLE_EXAMPLE = {
  cycleId: CYCLE_ID,
  name: '2026-Q3',
  startsOn: '2026-07-01',
  endsOn: '2026-09-30',
  status: 'running',
  plannedBy: 'tess',
  plannedAt: '2026-06-01T09:00:00.000Z',
  startedAt: '2026-07-01T08:00:00.000Z',
  gradingStartedAt: null,
  closedAt: null,
  retrospectiveCount: 4,
};

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class ListCyclesController {
  constructor(private readonly projections: ProjectionsHost) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: "The tenant's cycles, newest first; filter by status; limit/after." })
  @ApiOkResponse({ schema: { example: { items: [CYCLE_EXAMPLE], next: 'eyJ…' } } })
  @ApiQueryFrom(ListCyclesQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { status, limit, after } = parseRequest(ListCyclesQuery, query, 'query');
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<CycleDocument>(CYCLES_PROJECTION, 'cycles')
        .find({ tenantId: principal.tenantId, ...(status ? { status: { $in: status } } : {}) }, { sort: { startsOn: -1 }, limit, ...(after ? { after } : {}) }),
    );
    return { items: page.items.map(({ _id, tenantId: _t, ...cycle }) => cycle), ...(page.next ? { next: page.next } : {}) };
  }
}
