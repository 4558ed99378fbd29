import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { objectiveProgress, objectiveStatus } from '@leerzone/okr-domain';
import { guardedQuery } from '@leerzone/service-kit';
import { READERS } from '../../shared/access';
import { CYCLE_ID, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { ObjectiveReadModels } from '../application/objective-read-models';
import { ListObjectivesQuery } from './list-objectives.request';

@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class ListObjectivesController {
  constructor(private readonly objectives: ObjectiveReadModels) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: "The tenant's objectives with progress and status; filter by cycleId, ownerId, level; limit/after." })
  @ApiOkResponse({
    schema: {
      example: {
        items: [
          { objectiveId: OBJECTIVE_ID, cycleId: CYCLE_ID, level: 'team', owner: { kind: 'team', id: TEAM_ID }, title: 'Shorter waiting lists', commitment: 'aspirational', committedAt: '2026-06-30T10:00:00.000Z', keyResultCount: 3, progress: 0.3, status: 'behind', alignment: null, grade: null },
        ],
      },
    },
  })
  @ApiQueryFrom(ListObjectivesQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { cycleId, ownerId, level, limit, after } = parseRequest(ListObjectivesQuery, query, 'query');
    const tenantId = principal.tenantId;
    const page = await guardedQuery(() =>
      this.objectives.objectives.find(
        { tenantId, ...(cycleId ? { cycleId } : {}), ...(ownerId ? { ownerId } : {}), ...(level ? { level: { $in: level } } : {}) },
        { sort: { order: 1 }, limit, ...(after ? { after } : {}) },
      ),
    );
    const states = await this.objectives.withStates(tenantId, page.items);
    return {
      items: states.map(({ document: o, state }) => ({
        objectiveId: o.objectiveId,
        cycleId: o.cycleId,
        level: o.level,
        owner: o.owner,
        title: o.title,
        commitment: o.commitment,
        committedAt: o.committedAt,
        keyResultCount: [...state.keyResults.values()].filter((kr) => !kr.removed).length,
        progress: objectiveProgress(state),
        status: objectiveStatus(state),
        alignment: o.alignment,
        grade: o.grade,
        carriedForwardFrom: o.carriedForwardFrom,
      })),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}
