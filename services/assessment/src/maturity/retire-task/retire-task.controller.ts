import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reject } from '@leerzone/kernel';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { maturityDecider, maturityStreamId } from '@leerzone/assessment-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly, TeamMemberTaskParams } from '../../shared/assessment-fields';
import { TeamAccess } from '../../shared/team-access';

@ApiTags('assessment: task maturity')
@Controller('api/assessment/teams')
export class RetireTaskController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
  ) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/members/:memberId/task-maturity/:task/retire')
  @HttpCode(200)
  @Roles('coach', 'member')
  @ApiOperation({ summary: 'The member no longer does the task (the member or the team\'s coach, with a reason); its history stays.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiOkResponse({ schema: { example: { teamId: '0193…', memberId: 'anna', task: 'budgeting', version: 3, events: [{ type: 'TaskRetired' }] } } })
  @ApiParamsFrom(TeamMemberTaskParams)
  async retire(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId, task } = parseRequest(TeamMemberTaskParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body ?? {});
    await this.access.requireTeam(write.principal.tenantId, teamId);
    const result = await this.commands.run(maturityDecider, maturityStreamId(write.principal.tenantId, teamId, memberId), null, write.context(reason), {
      ifMatch: write.ifMatch,
      commandType: 'RetireTask',
      lookup: async () => {
        if (write.principal.userId !== memberId && (await this.access.coach(write.principal, teamId, 'retire tasks of its members'))) {
          return reject('forbidden', 'MATURITY.NOT_A_PARTY', `Only ${memberId} and a coach of team ${teamId} can retire this task.`, { field: 'memberId' });
        }
        return { type: 'RetireTask', data: { teamId, memberId, task } };
      },
    });
    return commandAnswer(response, result, { teamId, memberId, task });
  }
}
