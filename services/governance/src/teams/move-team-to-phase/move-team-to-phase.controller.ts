import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { MoveTeamToPhaseRequest } from './move-team-to-phase.request';

@ApiTags('governance: phases')
@Controller('api/governance/teams')
export class MoveTeamToPhaseController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/phase')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({
    summary: 'Move the team to its next phase (preparing → pilot → forming → performing → self-steering). Self-steering needs every member’s yes (422 PHASE.YES_MISSING); going back needs a reason.',
  })
  @ApiBody({ schema: jsonSchemaOf(MoveTeamToPhaseRequest) })
  @ApiParamsFrom(TeamIdParam)
  async change(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { phase, reason } = parseRequest(MoveTeamToPhaseRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'change the phase', reason, command: () => ({ type: 'MoveTeamToPhase', data: { teamId, phase } }) });
    return commandAnswer(response, result, { teamId, phase: result.state.phase, phaseSince: result.state.phaseSince });
  }
}
