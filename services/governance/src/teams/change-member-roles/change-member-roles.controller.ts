import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamMemberParams } from '../team-id.param';
import { ChangeMemberRolesRequest } from './change-member-roles.request';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class ChangeMemberRolesController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/members/:memberId/roles')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: "Replace a member's team roles; the previous roles are kept in the event." })
  @ApiBody({ schema: jsonSchemaOf(ChangeMemberRolesRequest) })
  @ApiParamsFrom(TeamMemberParams)
  async change(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { roles, reason } = parseRequest(ChangeMemberRolesRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: "change members' roles", reason, command: () => ({ type: 'ChangeMemberRoles', data: { teamId, memberId, roles } }) });
    return commandAnswer(response, result, { teamId, memberId });
  }
}
