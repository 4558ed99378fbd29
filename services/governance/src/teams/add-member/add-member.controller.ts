import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { AddMemberRequest } from './add-member.request';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class AddMemberController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/members')
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Add a member with team roles (member, coach, transformation-lead, analyst, admin). A member who joins later must say yes too.' })
  @ApiBody({ schema: jsonSchemaOf(AddMemberRequest) })
  @ApiParamsFrom(TeamIdParam)
  async add(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { memberId, roles, reason } = parseRequest(AddMemberRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'add members', reason, command: () => ({ type: 'AddMember', data: { teamId, memberId, roles } }) });
    response.setHeader('Location', `/api/governance/teams/${teamId}/members`);
    return commandAnswer(response, result, { teamId, memberId });
  }
}
