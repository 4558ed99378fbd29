import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { teamDecider, teamStreamId } from '@leerzone/governance-domain';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { CreateTeamRequest } from './create-team.request';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class CreateTeamController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly frames: UnitFrames,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Create a team (coach, transformation lead, admin). Records TeamCreated with who, when and (optionally) why.' })
  @ApiBody({ schema: jsonSchemaOf(CreateTeamRequest) })
  async create(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reason, ...request } = parseRequest(CreateTeamRequest, body);
    const ctx = write.context(reason);
    // A team in a unit nobody knows would have a frame nobody can read.
    if (request.unitId !== undefined) await this.frames.requireOrganisationOf(ctx.tenantId, request.unitId);
    const teamId = request.teamId ?? this.newId();
    const result = await this.commands.run(teamDecider, teamStreamId(ctx.tenantId, teamId), { type: 'CreateTeam', data: { ...request, teamId } }, ctx, { ifMatch: write.ifMatch });
    response.setHeader('Location', `/api/governance/teams/${teamId}`);
    return commandAnswer(response, result, { teamId });
  }
}
