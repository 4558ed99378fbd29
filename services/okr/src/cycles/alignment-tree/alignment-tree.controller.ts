import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection } from '@leerzone/kernel';
import { alignmentTree } from '@leerzone/okr-domain';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { READERS } from '../../shared/access';
import { CycleLookup } from '../../shared/cycle-lookup';
import { CYCLE_ID, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { CycleIdParam } from '../cycle-id.param';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class AlignmentTreeController {
  constructor(
    private readonly cycles: CycleLookup,
    private readonly objectives: ObjectiveReadModels,
  ) {}

  @Get(':cycleId/alignment')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      "The cycle's alignment tree: organisation objectives on top, the unit and team objectives that support them beneath (pending proposals marked), with progress (weighted mean of the key results) and status (the weakest key result's) at every node.",
  })
  @ApiOkResponse({
    schema: {
      example: {
        cycleId: CYCLE_ID,
        roots: [
          {
            objectiveId: '0190f5a4-0000-7000-8000-0000000000a1',
            level: 'organisation',
            owner: { kind: 'unit', id: 'org' },
            title: 'Care closer to home',
            commitment: 'committed',
            progress: 0.42,
            status: 'behind',
            contributesTo: [],
            pending: false,
            children: [
              { objectiveId: OBJECTIVE_ID, level: 'team', owner: { kind: 'team', id: TEAM_ID }, title: 'Shorter waiting lists', commitment: 'aspirational', progress: 0.5, status: 'on-track', contributesTo: [], pending: false, children: [] },
            ],
          },
        ],
      },
    },
  })
  @ApiParamsFrom(CycleIdParam)
  async tree(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const facts = await this.cycles.facts(principal.tenantId, cycleId);
    if (isRejection(facts)) throw ProblemException.fromRejection(facts);
    const documents = await this.objectives.all(this.objectives.objectives, { tenantId: principal.tenantId, cycleId });
    const states = await this.objectives.withStates(principal.tenantId, documents);
    return { cycleId, roots: alignmentTree(states.map((s) => s.state)) };
  }
}
