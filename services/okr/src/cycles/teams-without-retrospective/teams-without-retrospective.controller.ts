import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { teamsStartedWithoutRetrospective } from '@leerzone/okr-domain';
import { TeamDirectory } from '@leerzone/team-directory';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { READERS } from '../../shared/access';
import { CycleLookup, cycleNotFound } from '../../shared/cycle-lookup';
import { CYCLE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { CycleIdParam } from '../cycle-id.param';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class TeamsWithoutRetrospectiveController {
  constructor(
    private readonly cycles: CycleLookup,
    private readonly objectives: ObjectiveReadModels,
    private readonly directory: TeamDirectory,
  ) {}

  @Get(':cycleId/teams-without-retrospective')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The teams with an objective in this cycle that started it without a retrospective (and when they recorded it late, if they did). Empty while the cycle is planned.' })
  @ApiOkResponse({ schema: { example: { cycleId: CYCLE_ID, startedAt: '2026-07-01T08:00:00.000Z', items: [{ teamId: TEAM_ID, teamName: 'Wijkteam Noord', recordedLateAt: null }] } } })
  @ApiParamsFrom(CycleIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const { state } = await this.cycles.load(principal.tenantId, cycleId);
    if (!state.exists) throw ProblemException.fromRejection(cycleNotFound(cycleId));
    const teamObjectives = await this.objectives.all(this.objectives.objectives, { tenantId: principal.tenantId, cycleId, ownerKind: 'team' });
    const missing = teamsStartedWithoutRetrospective(state, teamObjectives.map((o) => o.ownerId));
    const items = await Promise.all(missing.map(async (m) => ({ ...m, teamName: (await this.directory.team(principal.tenantId, m.teamId))?.name ?? null })));
    return { cycleId, startedAt: state.startedAt, items };
  }
}
