import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly, RoundActionParams } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class DropActionController {
  constructor(private readonly rounds: RoundCommands) {}

  @Post(':roundId/actions/:actionId/drop')
  @HttpCode(200)
  @Roles('member', 'coach')
  @ApiOperation({ summary: 'Drop an open action, with a reason (the team).' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', actionId: 'a-1', status: 'dropped', events: [{ eventId: '0193…', type: 'ActionDropped', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundActionParams)
  async drop(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId, actionId } = parseRequest(RoundActionParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body ?? {});
    const result = await this.rounds.run(write, roundId, { access: 'team', what: 'settle actions', reason, command: () => ({ type: 'DropAction', data: { roundId, actionId } }) });
    return roundCommandAnswer(response, result, { roundId, actionId, status: result.state.actions.get(actionId)?.status ?? null });
  }
}
