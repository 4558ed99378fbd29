import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { ChangeAnonymityThresholdRequest } from './change-anonymity-threshold.request';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: rounds')
@Controller('api/assessment/rounds')
export class ChangeAnonymityThresholdController {
  constructor(private readonly rounds: RoundCommands) {}

  @Put(':roundId/anonymity-threshold')
  @Roles('coach')
  @ApiOperation({ summary: "Change an open round's anonymity threshold (its coach, with a reason). It can be raised at any time but never lowered once anyone has answered." })
  @ApiBody({ schema: jsonSchemaOf(ChangeAnonymityThresholdRequest) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', anonymityThreshold: 6, events: [{ eventId: '0193…', type: 'AnonymityThresholdChanged', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundIdParam)
  async change(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { threshold, reason } = parseRequest(ChangeAnonymityThresholdRequest, body);
    const result = await this.rounds.run(write, roundId, {
      access: 'coach',
      what: "change its rounds' anonymity threshold",
      reason,
      command: () => ({ type: 'ChangeAnonymityThreshold', data: { roundId, threshold } }),
    });
    return roundCommandAnswer(response, result, { roundId, anonymityThreshold: result.state.anonymityThreshold });
  }
}
