import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly, RoundIdParam } from '../../shared/assessment-fields';
import { TeamAccess } from '../../shared/team-access';
import { CloseRoundHandler } from './close-round.handler';
import { refuseIfMatch, roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: rounds')
@Controller('api/assessment/rounds')
export class CloseRoundController {
  constructor(
    private readonly handler: CloseRoundHandler,
    private readonly access: TeamAccess,
  ) {}

  @Post(':roundId/close')
  @HttpCode(200)
  @Roles('coach')
  @ApiOperation({
    summary:
      "Close a round (its team's coach). With at least the threshold number of answers it records results and may move the team to another zone (TeamZoneChanged); below it, 'not enough answers' and no number at all. Then the round key is destroyed.",
  })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', outcome: 'results', zone: 'learning', events: [{ eventId: '0193…', type: 'RoundClosed', occurredAt: '2026-03-16T17:00:00.000Z' }, { type: 'TeamZoneChanged' }] } } })
  @ApiParamsFrom(RoundIdParam)
  async close(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body ?? {});
    refuseIfMatch(write);
    const result = await this.handler.close(roundId, write.context(reason), (state) => this.access.coach(write.principal, state.teamId!, 'close its rounds'));
    return roundCommandAnswer(response, result, { roundId, outcome: result.state.outcome, zone: result.state.zone?.zone ?? null });
  }
}
