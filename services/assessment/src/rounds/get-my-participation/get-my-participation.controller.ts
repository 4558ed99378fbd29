import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { hasAnswered } from '@leerzone/assessment-domain';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundViews } from '../application/round-views';

@ApiTags('assessment: answering')
@Controller('api/assessment/rounds')
export class GetMyParticipationController {
  constructor(private readonly views: RoundViews) {}

  @AnyRole('the caller about themself only, in a round they may read')
  @Get(':roundId/my-participation')
  @ApiOperation({ summary: 'For the caller only: am I in this round\'s group, and have I answered? Nobody can ask this about someone else.' })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', inGroup: true, answered: true, status: 'open' } } })
  @ApiParamsFrom(RoundIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { state } = await this.views.readable(principal, roundId);
    return { roundId, inGroup: state.respondentIds.has(principal.userId), answered: hasAnswered(state, principal.userId), status: state.status };
  }
}
