import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../../teams/application/team-commands';
import { ReviewSubjectParams, SetReviewDateRequest } from './set-review-date.request';

/** Principles are the team's own; boundaries and the board are steered by its coach (or a lead). */
export const reviewAccess = (kind: 'boundary' | 'principle' | 'delegation') => (kind === 'principle' ? 'in-team-or-manager' : 'manager') as 'in-team-or-manager' | 'manager';

@ApiTags('governance: reviews')
@Controller('api/governance/teams')
export class SetReviewDateController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('principles: members and coaches of the team; boundaries and delegated areas: its coaches; and transformation leads, admins')
  @TeamScoped('teamId', 'member', 'coach')
  @Put(':teamId/reviews/:kind/:subjectId')
  @ApiOperation({
    summary:
      'Put a review date on a team boundary (also one adopted by consent), a principle or a delegated area ("good enough for now, safe enough to try"), with a reason; null clears it. Boundaries and delegation: the team’s coach, a lead or admin; principles: also the team.',
  })
  @ApiBody({ schema: jsonSchemaOf(SetReviewDateRequest) })
  @ApiParamsFrom(ReviewSubjectParams)
  @ApiOkResponse({ schema: { example: { teamId: 'team-a', subject: { kind: 'boundary', id: 'b-budget' }, reviewBy: '2026-06-01', version: 7, events: [{ type: 'ReviewDateSet' }] } } })
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, kind, subjectId } = parseRequest(ReviewSubjectParams, params, 'params');
    const { reviewBy, reason } = parseRequest(SetReviewDateRequest, body);
    const subject = { kind, id: subjectId };
    const result = await this.teams.run(write, teamId, {
      access: reviewAccess(kind),
      what: `set review dates on ${kind === 'delegation' ? 'the delegation board' : `${kind}s`}`,
      reason,
      command: () => ({ type: 'SetReviewDate', data: { teamId, subject, reviewBy } }),
    });
    return commandAnswer(response, result, { teamId, subject, reviewBy });
  }
}
