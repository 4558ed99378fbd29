import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { followUpDueRule } from '@leerzone/failure-learning-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES, TeamAccess } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { ReportCommands } from '../application/report-commands';
import { PlanFollowUpRequest } from './plan-follow-up.request';

@ApiTags('failure-learning: follow-ups')
@Controller('api/failure-learning/reports')
export class PlanFollowUpController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly facts: LearningFacts,
    private readonly access: TeamAccess,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':reportId/actions')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Plan a follow-up action for any kind of failure: an owner team, due by the tenant’s rule for the report’s severity (default high 3 days, otherwise 7).' })
  @ApiBody({ schema: jsonSchemaOf(PlanFollowUpRequest) })
  @ApiCreatedResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'pair-on-release', ownerTeamId: '0199a0b2-7c1e-7000-8000-0000000000t1', dueOn: '2026-12-04', version: 6, events: [{ type: 'FollowUpActionPlanned' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async plan(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const { actionId: requested, description, ownerTeamId: owner } = parseRequest(PlanFollowUpRequest, body);
    const actionId = requested ?? this.newId();
    let ownerTeamId = owner ?? '';
    const result = await this.reports.run(write, reportId, {
      what: 'plan follow-up actions',
      commandType: 'PlanFollowUpAction',
      command: async (state) => {
        ownerTeamId = owner ?? state.teamId!;
        if (ownerTeamId !== state.teamId) {
          const refused = await this.access.check(write.principal, ownerTeamId, 'team', 'own this action', 'ownerTeamId');
          if (refused?.code === 'TEAM.NOT_FOUND') return refused;
        }
        const dueRule = followUpDueRule(await this.facts.library(write.principal.tenantId));
        return { type: 'PlanFollowUpAction', data: { reportId, actionId, description, ownerTeamId, dueRule } };
      },
    });
    const planned = result.events.find((e) => e.type === 'FollowUpActionPlanned')?.data as { dueOn?: string } | undefined;
    return commandAnswer(response, result, { reportId, actionId, ownerTeamId, dueOn: planned?.dueOn ?? null });
  }
}
