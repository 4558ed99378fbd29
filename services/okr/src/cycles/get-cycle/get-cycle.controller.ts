import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { etagOf } from '@leerzone/service-kit';
import { READERS } from '../../shared/access';
import { CycleLookup, cycleNotFound } from '../../shared/cycle-lookup';
import { CYCLE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { CycleIdParam } from '../cycle-id.param';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class GetCycleController {
  constructor(private readonly cycles: CycleLookup) {}

  @Get(':cycleId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A cycle with its phase, dates and the retrospectives that open it. ETag = the cycle stream version.' })
  @ApiOkResponse({
    schema: {
      example: {
        cycleId: CYCLE_ID,
        name: '2026-Q3',
        startsOn: '2026-07-01',
        endsOn: '2026-09-30',
        status: 'running',
        startedAt: '2026-07-01T08:00:00.000Z',
        retrospectives: [{ teamId: TEAM_ID, whatWorked: 'Weekly check-ins', whatDidNotWork: '…', whatWeLearned: '…', whatWeCarryForward: null, late: false, recordedBy: 'anna', recordedAt: '2026-06-28T10:00:00.000Z' }],
        version: 5,
      },
    },
  })
  @ApiParamsFrom(CycleIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const { state, version } = await this.cycles.load(principal.tenantId, cycleId);
    if (!state.exists) throw ProblemException.fromRejection(cycleNotFound(cycleId));
    response.setHeader('ETag', etagOf(version));
    const { exists: _exists, retrospectives, ...cycle } = state;
    return { ...cycle, retrospectives: [...retrospectives.values()], version };
  }
}
