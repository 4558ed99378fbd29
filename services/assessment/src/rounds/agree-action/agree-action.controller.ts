import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reject } from '@leerzone/kernel';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TeamDirectory } from '@leerzone/team-directory';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundCommands } from '../application/round-commands';
import { AgreeActionRequest } from './agree-action.request';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: actions')
@Controller('api/assessment/rounds')
export class AgreeActionController {
  constructor(
    private readonly rounds: RoundCommands,
    private readonly directory: TeamDirectory,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':roundId/actions')
  @HttpCode(201)
  @Roles('member', 'coach')
  @ApiOperation({ summary: 'The team agrees an action after a closed round: a title, an owner on the team and a due date, optionally tied to a chosen focus item.' })
  @ApiBody({ schema: jsonSchemaOf(AgreeActionRequest) })
  @ApiCreatedResponse({ schema: { example: { roundId: '0193…', actionId: '0193…', events: [{ eventId: '0193…', type: 'ActionAgreed', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundIdParam)
  async agree(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { actionId = this.newId(), title, ownerId, dueOn, focusItem } = parseRequest(AgreeActionRequest, body);
    const result = await this.rounds.run(write, roundId, {
      access: 'team',
      what: 'agree actions',
      check: async (state) =>
        (await this.directory.relation(write.principal.tenantId, state.teamId!, ownerId)) === 'none'
          ? reject('precondition', 'ACTION.OWNER_NOT_IN_TEAM', `${ownerId} is not a current member or coach of the team.`, { field: 'ownerId' })
          : null,
      command: () => ({ type: 'AgreeAction', data: { roundId, actionId, title, ownerId, dueOn, focusItem: focusItem ?? null } }),
    });
    response.setHeader('Location', `/api/assessment/rounds/${roundId}/actions`);
    return roundCommandAnswer(response, result, { roundId, actionId });
  }
}
