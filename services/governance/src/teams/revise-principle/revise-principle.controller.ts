import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamPrincipleParams } from '../team-id.param';
import { RevisePrincipleRequest } from './revise-principle.request';

@ApiTags('governance: principles')
@Controller('api/governance/teams')
export class RevisePrincipleController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('members of the team (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Put(':teamId/principles/:principleId')
  @ApiOperation({ summary: 'Revise an active principle, with a reason; the event keeps the previous rule and value.' })
  @ApiBody({ schema: jsonSchemaOf(RevisePrincipleRequest) })
  @ApiParamsFrom(TeamPrincipleParams)
  async revise(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, principleId } = parseRequest(TeamPrincipleParams, params, 'params');
    const { rule, value, reason } = parseRequest(RevisePrincipleRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'in-team', what: 'revise principles', reason, command: () => ({ type: 'RevisePrinciple', data: { teamId, principleId, rule, value } }) });
    return commandAnswer(response, result, { teamId, principleId });
  }
}
