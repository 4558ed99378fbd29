import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { TeamCommands } from '../application/team-commands';
import { TeamMemberParams } from '../team-id.param';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class RemoveMemberController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Delete(':teamId/members/:memberId')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Remove a member (optionally with a reason, in the body or X-Reason). Their yes ends with the membership; the history keeps it.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiParamsFrom(TeamMemberParams)
  async remove(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'remove members', reason, command: () => ({ type: 'RemoveMember', data: { teamId, memberId } }) });
    return commandAnswer(response, result, { teamId, memberId });
  }
}
