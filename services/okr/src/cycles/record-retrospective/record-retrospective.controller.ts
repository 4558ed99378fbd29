import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { reject } from '@leerzone/kernel';
import { cycleDecider, cycleStreamId } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamDirectory } from '@leerzone/team-directory';
import { TEAM_ROLES } from '../../shared/access';
import { cycleNotFound } from '../../shared/cycle-lookup';
import { OkrAccess } from '../../shared/okr-access';
import { commandAnswerExample, CYCLE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { CycleIdParam } from '../cycle-id.param';
import { RecordRetrospectiveRequest } from './record-retrospective.request';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class RecordRetrospectiveController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: OkrAccess,
    private readonly directory: TeamDirectory,
  ) {}

  @Post(':cycleId/retrospectives')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary: "Step 1: record a team's retrospective on the cycle it opens (a current member or the team's coach), before or at its start; once the cycle runs it counts, marked late.",
  })
  @ApiBody({
    schema: jsonSchemaOf(RecordRetrospectiveRequest),
    examples: { retro: { value: { teamId: TEAM_ID, whatWorked: 'Weekly check-ins', whatDidNotWork: 'Too many key results', whatWeLearned: 'Three is enough' } } },
  })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ cycleId: CYCLE_ID, teamId: TEAM_ID }, 'RetrospectiveRecorded', 2) } })
  @ApiParamsFrom(CycleIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const { reason, ...data } = parseRequest(RecordRetrospectiveRequest, body);
    const principal = write.principal;
    const result = await this.commands.run(cycleDecider, cycleStreamId(write.principal.tenantId, cycleId), null, write.context(reason), {
      ifMatch: write.ifMatch,
      commandType: 'RecordRetrospective',
      lookup: async (state) => {
        if (!state.exists) return cycleNotFound(cycleId);
        const unknownTeam = await this.access.requireTeam(principal.tenantId, data.teamId);
        if (unknownTeam) return unknownTeam;
        if ((await this.directory.relation(principal.tenantId, data.teamId, principal.userId)) === 'none') {
          return reject('forbidden', 'OKR.NOT_A_MEMBER', `Only a current member or the coach of team ${data.teamId} can record its retrospective.`);
        }
        return { type: 'RecordRetrospective' as const, data: { cycleId, ...data } };
      },
    });
    return commandAnswer(response, result, { cycleId, teamId: data.teamId });
  }
}
