import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { personSubject, reject, type PersonalDataVault, type Rejection } from '@leerzone/kernel';
import { TeamScoped, PERSONAL_DATA_VAULT, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { maturityDecider, maturityStreamId, type MaturityCommand } from '@leerzone/assessment-domain';
import { TeamDirectory } from '@leerzone/team-directory';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamMemberParams } from '../../shared/assessment-fields';
import { TeamAccess } from '../../shared/team-access';
import { RecordTaskMaturityRequest } from './record-task-maturity.request';

@ApiTags('assessment: task maturity')
@Controller('api/assessment/teams')
export class RecordTaskMaturityController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
    private readonly directory: TeamDirectory,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/members/:memberId/task-maturity')
  @HttpCode(201)
  @Roles('coach', 'member')
  @ApiOperation({
    summary:
      "The team's coach and the member record, together, the member's competence and commitment on a named task; the service derives the development level (D1–D4), the leadership style and a suggested delegation level. Either of the two sends it.",
  })
  @ApiBody({ schema: jsonSchemaOf(RecordTaskMaturityRequest) })
  @ApiCreatedResponse({ schema: { example: { teamId: '0193…', memberId: 'anna', task: 'budgeting', developmentLevel: 'D3', leadershipStyle: 'supporting', suggestedDelegationLevel: 4, version: 1, events: [{ type: 'TaskMaturityRecorded' }] } } })
  @ApiParamsFrom(TeamMemberParams)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { note, coachId: givenCoachId, ...assessment } = parseRequest(RecordTaskMaturityRequest, body);
    const ctx = write.context();
    const tenantId = ctx.tenantId;
    await this.access.requireTeam(tenantId, teamId);
    const caller = write.principal.userId;
    const coachId = givenCoachId ?? (caller === memberId ? undefined : caller);
    const result = await this.commands.run(maturityDecider, maturityStreamId(tenantId, teamId, memberId), null, ctx, {
      ifMatch: write.ifMatch,
      commandType: 'RecordTaskMaturity',
      lookup: async (): Promise<MaturityCommand | Rejection> => {
        if (coachId === undefined) return reject('invalid', 'MATURITY.COACH_REQUIRED', 'Name the coach you record this with (coachId).', { field: 'coachId' });
        if (caller !== coachId && caller !== memberId) return reject('forbidden', 'MATURITY.NOT_A_PARTY', `Only ${memberId} and their coach record this, together.`, { field: 'coachId' });
        if ((await this.directory.relation(tenantId, teamId, coachId)) !== 'coach') {
          return reject('forbidden', 'TEAM.NOT_COACH_OF_TEAM', `${coachId} is not a coach of team ${teamId}.`, { field: 'coachId' });
        }
        if ((await this.directory.relation(tenantId, teamId, memberId)) !== 'member') {
          return reject('precondition', 'MATURITY.NOT_A_TEAM_MEMBER', `${memberId} is not a current member of team ${teamId}.`, { field: 'memberId' });
        }
        const sealed = note ? await this.vault.seal(personSubject(tenantId, memberId), note) : null;
        return { type: 'RecordTaskMaturity', data: { teamId, memberId, coachId, ...assessment, note: sealed } };
      },
    });
    const current = result.state.tasks.get(assessment.task)!.history.at(-1)!;
    return commandAnswer(response, result, {
      teamId,
      memberId,
      task: assessment.task,
      developmentLevel: current.developmentLevel,
      leadershipStyle: current.leadershipStyle,
      suggestedDelegationLevel: current.suggestedDelegationLevel,
    });
  }
}
