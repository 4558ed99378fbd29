import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundActionParams } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { roundCommandAnswer } from '../application/round-answer';

export const RateActionHelpfulnessRequest = z.strictObject({ helped: z.boolean() });

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class RateActionHelpfulnessController {
  constructor(private readonly rounds: RoundCommands) {}

  @Put(':roundId/actions/:actionId/my-helpfulness')
  @Roles('member')
  @ApiOperation({ summary: "Say, in person, whether an action helped you (members of the round's group). Shown only as counts; a later say replaces the earlier." })
  @ApiBody({ schema: jsonSchemaOf(RateActionHelpfulnessRequest) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', actionId: 'a-1', helped: true, events: [{ eventId: '0193…', type: 'ActionHelpfulnessRated', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundActionParams)
  async rate(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId, actionId } = parseRequest(RoundActionParams, params, 'params');
    const { helped } = parseRequest(RateActionHelpfulnessRequest, body);
    const memberId = write.principal.userId;
    const result = await this.rounds.run(write, roundId, {
      access: 'team',
      what: 'say whether an action helped',
      command: () => ({ type: 'RateActionHelpfulness', data: { roundId, actionId, memberId, helped } }),
    });
    return roundCommandAnswer(response, result, { roundId, actionId, helped });
  }
}
