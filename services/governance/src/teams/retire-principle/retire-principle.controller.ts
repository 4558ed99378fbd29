import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { TeamCommands } from '../application/team-commands';
import { TeamPrincipleParams } from '../team-id.param';

@ApiTags('governance: principles')
@Controller('api/governance/teams')
export class RetirePrincipleController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('members of the team (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Delete(':teamId/principles/:principleId')
  @ApiOperation({ summary: 'Retire a principle, with a reason. It stays in the list as retired, and in the history.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiParamsFrom(TeamPrincipleParams)
  async retire(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, principleId } = parseRequest(TeamPrincipleParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { access: 'in-team', what: 'retire principles', reason, command: () => ({ type: 'RetirePrinciple', data: { teamId, principleId } }) });
    return commandAnswer(response, result, { teamId, principleId, status: 'retired' });
  }
}
