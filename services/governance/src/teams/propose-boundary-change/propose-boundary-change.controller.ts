import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, NEW_ID, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { GovernanceSettingsReader } from '../../settings/application/governance-settings';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { ProposeBoundaryChangeRequest } from './propose-boundary-change.request';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class ProposeBoundaryChangeController {
  constructor(
    private readonly teams: TeamCommands,
    private readonly settings: GovernanceSettingsReader,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @AnyRole('members and coaches of the team, transformation leads, admins (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/proposals')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Propose a boundary change for consent (team members, the team's coach, a transformation lead or admin). The team's members are asked; no objection by closesAt (default: the tenant's consentDeadlineDays) → adopted at the deadline by the scheduler (BoundaryChangeAdoptedByDeadline); an objection standing → escalated to the layer above.",
  })
  @ApiBody({ schema: jsonSchemaOf(ProposeBoundaryChangeRequest) })
  @ApiParamsFrom(TeamIdParam)
  async propose(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { proposalId: requested, change, closesAt, reason } = parseRequest(ProposeBoundaryChangeRequest, body);
    const proposalId = requested ?? this.newId();
    const { consentDeadlineDays } = await this.settings.settings(write.principal.tenantId);
    const result = await this.teams.run(write, teamId, {
      access: 'in-team-or-manager',
      what: 'propose boundary changes',
      reason,
      frame: 'team-unit',
      command: (unitBoundaries) => ({ type: 'ProposeBoundaryChange', data: { teamId, proposalId, change, ...(closesAt ? { closesAt } : {}), defaultDeadlineDays: consentDeadlineDays, unitBoundaries } }),
    });
    const proposal = result.state.proposals.get(proposalId);
    response.setHeader('Location', `/api/governance/teams/${teamId}/proposals/${proposalId}`);
    return commandAnswer(response, result, { teamId, proposalId, status: proposal?.status ?? null, closesAt: proposal?.closesAt ?? null, participantIds: proposal?.participantIds ?? [] });
  }
}
