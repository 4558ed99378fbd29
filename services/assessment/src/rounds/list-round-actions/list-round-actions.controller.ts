import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { roundActions } from '@leerzone/assessment-domain';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundViews } from '../application/round-views';

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class ListRoundActionsController {
  constructor(private readonly views: RoundViews) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant, of the round’s team')
  @Get(':roundId/actions')
  @ApiOperation({ summary: "A round's focus items and actions with owner, due date and status; whether they helped only as counts." })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', focusItems: [], actions: [{ actionId: 'a-1', title: 'Ask for help in stand-up', ownerId: 'anna', dueOn: '2026-04-01', status: 'open', helped: 3, didNotHelp: 1 }] } } })
  @ApiParamsFrom(RoundIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { state } = await this.views.readable(principal, roundId);
    return { roundId, focusItems: state.focusItems, actions: roundActions(state) };
  }
}
