import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, NEW_ID, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { AdoptPrincipleRequest } from './adopt-principle.request';

@ApiTags('governance: principles')
@Controller('api/governance/teams')
export class AdoptPrincipleController {
  constructor(
    private readonly teams: TeamCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @AnyRole('members of the team (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/principles')
  @HttpCode(201)
  @ApiOperation({ summary: 'The team adopts a principle: a concrete rule linked to the value it expresses (a rule that only restates the value is refused: 400 PRINCIPLE.NOT_CONCRETE). Team members only.' })
  @ApiBody({ schema: jsonSchemaOf(AdoptPrincipleRequest) })
  @ApiParamsFrom(TeamIdParam)
  async adopt(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { principleId: requested, rule, value, reason } = parseRequest(AdoptPrincipleRequest, body);
    const principleId = requested ?? this.newId();
    const result = await this.teams.run(write, teamId, { access: 'in-team', what: 'adopt principles', reason, command: () => ({ type: 'AdoptPrinciple', data: { teamId, principleId, rule, value } }) });
    return commandAnswer(response, result, { teamId, principleId });
  }
}
