import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamDecisionParams, TeamProposalParams } from '../../teams/team-id.param';
import { EscalationAnswers } from '../application/escalation-answers';
import { AnswerEscalationRequest } from './answer-escalation.request';

const ANSWERERS = 'a coach of the team, the escalation contact named for its unit, a transformation lead or an admin — never the one who escalated';

@ApiTags('governance: escalations')
@Controller('api/governance/teams')
export class AnswerEscalationController {
  constructor(private readonly answers: EscalationAnswers) {}

  @AnyRole('the team’s coaches, its unit’s escalation contact, transformation leads, admins (403 ESCALATION.NOT_ANSWERER)')
  @TeamScoped('teamId', 'coach')
  @Post(':teamId/decisions/:decisionId/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: `Answer an escalated decision (${ANSWERERS}), with a reason. approve → recorded, tied to its mandate and this approval, which widens the mandate for this decision only; decline → recorded why. Answered once (409 after).`,
  })
  @ApiBody({ schema: jsonSchemaOf(AnswerEscalationRequest) })
  @ApiParamsFrom(TeamDecisionParams)
  @ApiOkResponse({ schema: { example: { teamId: 'team-a', decisionId: 'd-1', status: 'approved', answeredAs: 'team-coach', version: 9, events: [{ type: 'EscalatedDecisionApproved' }] } } })
  async decision(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, decisionId } = parseRequest(TeamDecisionParams, params, 'params');
    const { answer, reason } = parseRequest(AnswerEscalationRequest, body);
    const result = await this.answers.answer(write, teamId, { kind: 'decision', id: decisionId }, answer, reason);
    const answered = result.events[0]?.data as { answeredAs?: string } | undefined;
    return commandAnswer(response, result, { teamId, decisionId, status: result.state.decisions.get(decisionId)?.status ?? null, answeredAs: answered?.answeredAs ?? null });
  }

  @AnyRole('the team’s coaches, its unit’s escalation contact, transformation leads, admins (403 ESCALATION.NOT_ANSWERER)')
  @TeamScoped('teamId', 'coach')
  @Post(':teamId/proposals/:proposalId/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: `Answer an escalated proposal (${ANSWERERS}), with a reason. approve → adopted over the objections and the boundary changes (still never wider than the unit); decline → the boundary stays. Answered once (409 after).`,
  })
  @ApiBody({ schema: jsonSchemaOf(AnswerEscalationRequest) })
  @ApiParamsFrom(TeamProposalParams)
  @ApiOkResponse({ schema: { example: { teamId: 'team-a', proposalId: 'p-1', status: 'approved', answeredAs: 'unit-contact', version: 12, events: [{ type: 'EscalatedBoundaryChangeApproved' }, { type: 'TeamBoundarySet' }] } } })
  async proposal(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const { answer, reason } = parseRequest(AnswerEscalationRequest, body);
    const result = await this.answers.answer(write, teamId, { kind: 'proposal', id: proposalId }, answer, reason);
    const answered = result.events[0]?.data as { answeredAs?: string } | undefined;
    return commandAnswer(response, result, { teamId, proposalId, status: result.state.proposals.get(proposalId)?.status ?? null, answeredAs: answered?.answeredAs ?? null });
  }
}
