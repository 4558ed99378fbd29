import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../../teams/application/team-commands';
import { ReviewSubjectParams } from '../set-review-date/set-review-date.request';
import { reviewAccess } from '../set-review-date/set-review-date.controller';
import { ReviewAgreementRequest } from './review-agreement.request';

@ApiTags('governance: reviews')
@Controller('api/governance/teams')
export class ReviewAgreementController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('principles: members and coaches of the team; boundaries and delegated areas: its coaches; and transformation leads, admins')
  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/reviews/:kind/:subjectId')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Record a review of a boundary, principle or delegated area, with a reason: kept, changed (with the new value, checked like any change: never wider than the unit) or dropped (removed; a delegated area goes back to 1 Tell), and the next review date.',
  })
  @ApiBody({ schema: jsonSchemaOf(ReviewAgreementRequest) })
  @ApiParamsFrom(ReviewSubjectParams)
  @ApiOkResponse({ schema: { example: { teamId: 'team-a', subject: { kind: 'boundary', id: 'b-budget' }, outcome: 'changed', nextReviewBy: '2026-09-01', version: 8, events: [{ type: 'TeamBoundarySet' }, { type: 'AgreementReviewed' }] } } })
  async review(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, kind, subjectId } = parseRequest(ReviewSubjectParams, params, 'params');
    const { reason, outcome, nextReviewBy, ...change } = parseRequest(ReviewAgreementRequest, body);
    const subject = { kind, id: subjectId };
    const result = await this.teams.run(write, teamId, {
      access: reviewAccess(kind),
      what: `review ${kind === 'delegation' ? 'the delegation board' : `${kind}s`}`,
      reason,
      frame: 'team-unit',
      command: (unitBoundaries) => ({ type: 'ReviewAgreement', data: { teamId, subject, outcome, nextReviewBy: nextReviewBy ?? null, ...change, unitBoundaries } }),
    });
    return commandAnswer(response, result, { teamId, subject, outcome, nextReviewBy: nextReviewBy ?? null });
  }
}
