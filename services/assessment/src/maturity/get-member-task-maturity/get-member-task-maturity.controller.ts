import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole, TeamScoped, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { TeamMemberParams } from '../../shared/assessment-fields';
import { MaturityViews } from '../application/maturity-views';

const MemberMaturityQuery = z.strictObject({ includeRetired: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });

@ApiTags('assessment: task maturity')
@Controller('api/assessment/teams')
export class GetMemberTaskMaturityController {
  constructor(private readonly views: MaturityViews) {}

  @AnyRole('the member themself and the coaches of their team')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/members/:memberId/task-maturity')
  @ApiOperation({ summary: "A member's task maturity per task with its history (the note opened, or shown as erased). Only for the member and their team's coach." })
  @ApiOkResponse({
    schema: { example: { teamId: '0193…', memberId: 'anna', tasks: [{ task: 'budgeting', taskTitle: 'Budgeting', current: { competence: 'some', commitment: 'high', developmentLevel: 'D3', leadershipStyle: 'supporting', suggestedDelegationLevel: 4, suggestedDelegationLevelName: 'Agree' }, history: [] }] } },
  })
  @ApiQueryFrom(MemberMaturityQuery)
  @ApiParamsFrom(TeamMemberParams)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { includeRetired } = parseRequest(MemberMaturityQuery, query, 'query');
    await this.views.requireVisible(principal, teamId, memberId);
    const { items } = await this.views.tasks.find({ tenantId: principal.tenantId, teamId, memberId, ...(includeRetired ? {} : { retiredAt: null }) }, { sort: { task: 1 }, limit: 200 });
    return { teamId, memberId, tasks: await Promise.all(items.map((doc) => this.views.view(doc, true))) };
  }
}
