import { Body, Controller, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@leerzone/kernel';
import { Command, CommandExecutor, NEW_ID, ProjectionsHost, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { teamDecider, teamStreamId } from '@leerzone/governance-domain';
import { CreateTeamRequest } from './create-team.request';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class CreateTeamController {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly projections: ProjectionsHost,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Create a team. Records TeamCreated with who, when and (optionally, X-Reason) why.' })
  @ApiBody({ schema: jsonSchemaOf(CreateTeamRequest) })
  async create(@Body() body: unknown, @Command() context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const request = parseRequest(CreateTeamRequest, body);
    const teamId = request.teamId ?? this.newId();
    const { events } = await this.commands.execute(teamDecider, teamStreamId(teamId), { type: 'CreateTeam', data: { ...request, teamId } }, context);
    // Read-your-writes: the team is visible at its Location once we answer.
    await this.projections.settle(events[events.length - 1]!.globalPosition);
    response.setHeader('Location', `/api/governance/teams/${teamId}`);
    return { teamId, events: events.map((e) => ({ eventId: e.eventId, type: e.type, streamPosition: e.streamPosition, globalPosition: e.globalPosition })) };
  }
}
