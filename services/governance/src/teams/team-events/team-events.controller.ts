import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { readTenantStream, type EventStore } from '@leerzone/kernel';
import { CurrentPrincipal, EVENT_STORE, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { teamStreamId } from '@leerzone/governance-domain';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class TeamEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':teamId/events')
  @ApiOkResponse({ schema: { example: EXAMPLES.teamEvents } })
  // Full envelopes name every actor and carry trace and correlation ids: the audit trail's readers only, as the audit API.
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "A team's events with their full envelopes (who, when, why, correlation, causation, trace, hash). Auditors and admins only (403 AUTH.FORBIDDEN otherwise)." })
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    // Another tenant's stream does not exist for this caller; a legacy global stream of its own does.
    const { events } = await readTenantStream(this.store, teamStreamId(principal.tenantId, teamId), principal.tenantId);
    if (events.length === 0) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
    return { teamId, events };
  }
}
