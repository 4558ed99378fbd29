import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundActionParams } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class CompleteActionController {
  constructor(private readonly rounds: RoundCommands) {}

  @Post(':roundId/actions/:actionId/done')
  @HttpCode(200)
  @Roles('member', 'coach')
  @ApiOperation({ summary: 'Mark an open action done (the team).' })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', actionId: 'a-1', status: 'done', events: [{ eventId: '0193…', type: 'ActionCompleted', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundActionParams)
  async complete(@Param() params: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId, actionId } = parseRequest(RoundActionParams, params, 'params');
    const result = await this.rounds.run(write, roundId, { access: 'team', what: 'settle actions', command: () => ({ type: 'CompleteAction', data: { roundId, actionId } }) });
    return roundCommandAnswer(response, result, { roundId, actionId, status: result.state.actions.get(actionId)?.status ?? null });
  }
}
