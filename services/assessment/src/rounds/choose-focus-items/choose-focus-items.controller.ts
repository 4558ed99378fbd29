import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { ChooseFocusItemsRequest } from './choose-focus-items.request';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class ChooseFocusItemsController {
  constructor(private readonly rounds: RoundCommands) {}

  @Put(':roundId/focus-items')
  @Roles('member', 'coach')
  @ApiOperation({ summary: 'The team picks 1 to 3 items of a closed round with results to work on (the results suggest the lowest-scoring ones).' })
  @ApiBody({ schema: jsonSchemaOf(ChooseFocusItemsRequest) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', focusItems: [{ instrumentId: 'psychological-safety', itemId: 'ps-5' }], events: [{ eventId: '0193…', type: 'FocusItemsChosen', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundIdParam)
  async choose(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { items } = parseRequest(ChooseFocusItemsRequest, body);
    const result = await this.rounds.run(write, roundId, { access: 'team', what: 'choose focus items', command: () => ({ type: 'ChooseFocusItems', data: { roundId, items } }) });
    return roundCommandAnswer(response, result, { roundId, focusItems: result.state.focusItems });
  }
}
