import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundViews } from '../application/round-views';

@ApiTags('assessment: rounds')
@Controller('api/assessment/rounds')
export class GetRoundController {
  constructor(private readonly views: RoundViews) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant, of the round’s team')
  @Get(':roundId')
  @ApiOperation({
    summary:
      "A round: team, instruments, group size, threshold, dates, the previous round's open actions, and its progress — 'not-enough-answers-yet' below the threshold (no count at all), 'answered' n of group from it. For the team and tenant-wide readers.",
  })
  @ApiOkResponse({
    schema: {
      example: { roundId: '0193…', status: 'open', groupSize: 6, anonymityThreshold: 5, progress: { kind: 'not-enough-answers-yet' }, previousRound: { roundId: '0192…', openActions: [] } },
    },
  })
  @ApiParamsFrom(RoundIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { state } = await this.views.readable(principal, roundId);
    // No ETag of the round stream here: its version would move with every answer and so count them.
    response.setHeader('Cache-Control', 'no-store');
    return this.views.summary(principal, state);
  }
}
