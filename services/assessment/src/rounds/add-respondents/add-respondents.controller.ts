import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reject } from '@leerzone/kernel';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { Write, type WriteRequest } from '@leerzone/service-kit';
import { RoundIdParam } from '../../shared/assessment-fields';
import { TeamAccess } from '../../shared/team-access';
import { RoundCommands } from '../application/round-commands';
import { AddRespondentsRequest } from './add-respondents.request';
import { roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: rounds')
@Controller('api/assessment/rounds')
export class AddRespondentsController {
  constructor(
    private readonly rounds: RoundCommands,
    private readonly access: TeamAccess,
  ) {}

  @Post(':roundId/respondents')
  @HttpCode(200)
  @Roles('coach')
  @ApiOperation({ summary: 'Add members who joined the team while the round is open (its coach, with a reason). The group only grows.' })
  @ApiBody({ schema: jsonSchemaOf(AddRespondentsRequest) })
  @ApiOkResponse({ schema: { example: { roundId: '0193…', groupSize: 7, events: [{ eventId: '0193…', type: 'RespondentsAdded', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  @ApiParamsFrom(RoundIdParam)
  async add(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { memberIds, reason } = parseRequest(AddRespondentsRequest, body);
    const result = await this.rounds.run(write, roundId, {
      access: 'coach',
      what: "change its rounds' respondent group",
      reason,
      check: async (state) => {
        const members = new Set(await this.access.respondents(write.principal.tenantId, state.teamId!));
        const index = memberIds.findIndex((id) => !members.has(id));
        return index < 0 ? null : reject('precondition', 'ROUND.NOT_A_TEAM_MEMBER', `${memberIds[index]} is not a current member of team ${state.teamId}.`, { field: `memberIds[${index}]` });
      },
      command: () => ({ type: 'AddRespondents', data: { roundId, memberIds } }),
    });
    return roundCommandAnswer(response, result, { roundId, groupSize: result.state.respondentIds.size });
  }
}
