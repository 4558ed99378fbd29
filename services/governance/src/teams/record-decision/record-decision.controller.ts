import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, NEW_ID, ProblemException, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import type { MandateViolation } from '@leerzone/governance-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { RecordDecisionRequest } from './record-decision.request';

@ApiTags('governance: decisions')
@Controller('api/governance/teams')
export class RecordDecisionController {
  constructor(
    private readonly teams: TeamCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @AnyRole('members of the team (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/decisions')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A team member records a decision. It is checked against the boundaries (team + unit) and the delegation board valid now: within the mandate → 201 recorded; outside → 403 with every violation explained, or 201 escalated when onOutsideMandate is "escalate". Never silently accepted.',
  })
  @ApiBody({ schema: jsonSchemaOf(RecordDecisionRequest) })
  @ApiParamsFrom(TeamIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { decisionId: requested, amount, ...decision } = parseRequest(RecordDecisionRequest, body);
    const decisionId = requested ?? this.newId();
    let result;
    try {
      result = await this.teams.run(write, teamId, {
        access: 'in-team',
        what: 'record decisions',
        frame: 'team-unit',
        command: (unitBoundaries) => ({ type: 'RecordDecision', data: { teamId, decisionId, ...decision, ...(amount ? { amount } : {}), unitBoundaries } }),
      });
    } catch (error) {
      throw withViolations(error);
    }
    const recorded = result.events.find((e) => e.type === 'DecisionRecorded' || e.type === 'DecisionEscalated');
    const status = recorded?.type === 'DecisionEscalated' ? 'escalated' : 'recorded';
    const data = recorded?.data as { mandate?: unknown; violations?: MandateViolation[] } | undefined;
    response.setHeader('Location', `/api/governance/teams/${teamId}/decisions/${decisionId}`);
    return commandAnswer(response, result, { teamId, decisionId, status, mandate: data?.mandate ?? null, violations: data?.violations ?? [] });
  }
}

/** A decision outside the mandate lists every violation, each as a field error a form can show. */
function withViolations(error: unknown): unknown {
  if (!(error instanceof ProblemException)) return error;
  const details = error.problem['details'] as { violations?: MandateViolation[]; mandate?: unknown } | undefined;
  if (!details?.violations) return error;
  return new ProblemException({
    ...error.problem,
    violations: details.violations,
    mandate: details.mandate,
    errors: details.violations.map((v) => ({ field: v.field, message: v.message, code: v.code })),
  });
}
