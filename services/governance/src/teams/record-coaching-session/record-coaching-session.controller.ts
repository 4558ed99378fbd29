import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { RecordCoachingSessionRequest } from './record-coaching-session.request';

@ApiTags('governance: coaching')
@Controller('api/governance/teams')
export class RecordCoachingSessionController {
  constructor(
    private readonly teams: TeamCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/coaching/sessions')
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Record a coaching session that was held: planned topics, the coach (a team member with the coach role), attendees (team members).' })
  @ApiBody({ schema: jsonSchemaOf(RecordCoachingSessionRequest) })
  @ApiParamsFrom(TeamIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { reason, sessionId: requested, notes, ...session } = parseRequest(RecordCoachingSessionRequest, body);
    const sessionId = requested ?? this.newId();
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'record coaching sessions',
      reason,
      command: () => ({ type: 'RecordCoachingSession', data: { teamId, sessionId, ...session, ...(notes !== undefined ? { notes } : {}) } }),
    });
    return commandAnswer(response, result, { teamId, sessionId });
  }
}
