import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { followUpDueRule } from '@leerzone/failure-learning-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES, TeamAccess } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { LibraryForwarder } from '../../library/application/library-forwarder';
import { ReportCommands } from '../application/report-commands';
import { RecordBasicFailureResponseRequest } from './record-basic-response.request';

@ApiTags('failure-learning: responses')
@Controller('api/failure-learning/reports')
export class RecordBasicFailureResponseController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly facts: LearningFacts,
    private readonly access: TeamAccess,
    private readonly forwarder: LibraryForwarder,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':reportId/basic-response')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Basic failure: a prevention action (checklist item or training, due by the tenant’s rule for the severity) and a lesson with tags for the area or process.' })
  @ApiBody({ schema: jsonSchemaOf(RecordBasicFailureResponseRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'checklist', lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa', dueOn: '2026-12-04', version: 5, events: [{ type: 'FollowUpActionPlanned' }, { type: 'LessonRecorded' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async respond(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const { prevention, lesson } = parseRequest(RecordBasicFailureResponseRequest, body);
    const actionId = prevention.actionId ?? this.newId();
    const lessonId = this.newId();
    const tenantId = write.principal.tenantId;
    const result = await this.reports.run(write, reportId, {
      what: 'respond to its failures',
      commandType: 'RecordBasicFailureResponse',
      command: async (state) => {
        const ownerTeamId = prevention.ownerTeamId ?? state.teamId!;
        if (ownerTeamId !== state.teamId) {
          const refused = await this.access.check(write.principal, ownerTeamId, 'team', 'own this prevention', 'prevention.ownerTeamId');
          if (refused?.code === 'TEAM.NOT_FOUND') return refused;
        }
        const dueRule = followUpDueRule(await this.facts.library(tenantId));
        return { type: 'RecordBasicFailureResponse', data: { reportId, prevention: { ...prevention, actionId, ownerTeamId }, lesson: { ...lesson, lessonId }, dueRule } };
      },
    });
    await this.forwarder.forwardNow(result.events);
    const planned = result.events.find((e) => e.type === 'FollowUpActionPlanned')?.data as { dueOn?: string } | undefined;
    return commandAnswer(response, result, { reportId, actionId, lessonId, dueOn: planned?.dueOn ?? null });
  }
}
