import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundIdParam } from '../../shared/assessment-fields';
import { AnswerRoundHandler } from './answer-round.handler';
import { AnswerRoundRequest } from './answer-round.request';

@ApiTags('assessment: answering')
@Controller('api/assessment/rounds')
export class AnswerRoundController {
  constructor(private readonly handler: AnswerRoundHandler) {}

  @Put(':roundId/my-answer')
  @Roles('member')
  @ApiOperation({
    summary:
      'Answer a round, in person (a member of its frozen group). Answering again replaces the earlier answer. The answer is stored without the respondent: only "this person has answered" is recorded apart from it. The reply says nothing about other answers.',
  })
  @ApiBody({ schema: jsonSchemaOf(AnswerRoundRequest) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', answered: true, replacedEarlier: false } } })
  @ApiParamsFrom(RoundIdParam)
  async answer(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { answers, comment } = parseRequest(AnswerRoundRequest, body);
    // The participation carries no reason either: there is nothing to explain about answering.
    const { reason: _reason, ...ctx } = write.context();
    return this.handler.answer(write.principal, ctx, roundId, answers, comment ?? null);
  }
}
