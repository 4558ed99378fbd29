import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { keyResultViews, objectiveProgress, objectiveStatus } from '@leerzone/okr-domain';
import { etagOf } from '@leerzone/service-kit';
import { READERS } from '../../shared/access';
import { CYCLE_ID, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { ObjectiveViews } from '../application/objective-views';
import { ObjectiveIdParam } from '../objective-id.param';

const DEFINITION = { title: 'Waiting list below 40', measure: { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' }, weight: 1 };

@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class GetObjectiveController {
  constructor(private readonly views: ObjectiveViews) {}

  @Get(':objectiveId')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'An objective with its key results (current and original definition, whether and when a goalpost moved, latest check-in, progress, open blockers), its progress, status, alignment, grade and carry-forward links. Blocker texts are opened for the owner’s people and leads. ETag = stream version.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        objectiveId: OBJECTIVE_ID,
        cycleId: CYCLE_ID,
        level: 'team',
        owner: { kind: 'team', id: TEAM_ID },
        title: 'Shorter waiting lists',
        description: null,
        commitment: 'aspirational',
        committedAt: '2026-06-30T10:00:00.000Z',
        progress: 0.3,
        status: 'behind',
        keyResults: [
          {
            keyResultId: 'kr-1',
            definition: DEFINITION,
            original: DEFINITION,
            moved: false,
            lastMovedAt: null,
            latestCheckIn: { checkInId: 'ci-1', value: 96, confidence: 6, status: 'behind', checkedInBy: 'anna', checkedInAt: '2026-07-20T09:00:00.000Z' },
            progress: 0.3,
            openBlockerIds: [],
          },
        ],
        blockers: [{ blockerId: 'b-1', keyResultId: 'kr-1', removableBy: { kind: 'unit-above' }, raisedAt: '2026-07-13T09:00:00.000Z', resolvedAt: null, description: { text: 'Intake software is down' } }],
        alignment: { parentObjectiveId: '0190f5a4-0000-7000-8000-0000000000a1', status: 'accepted' },
        contributesTo: [],
        grade: null,
        review: null,
        carriedForwardFrom: null,
        carriedForwardTo: [],
        version: 8,
      },
    },
  })
  @ApiParamsFrom(ObjectiveIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { state, version, events, mayReadText } = await this.views.read(principal, objectiveId);
    const texts = await this.views.blockerTexts(events, mayReadText);
    response.setHeader('ETag', etagOf(version));
    return {
      objectiveId,
      cycleId: state.cycleId,
      level: state.level,
      owner: state.owner,
      title: state.title,
      description: state.description,
      commitment: state.commitment,
      definedAt: state.definedAt,
      committedAt: state.committedAt,
      progress: objectiveProgress(state),
      status: objectiveStatus(state),
      keyResults: keyResultViews(state),
      blockers: [...state.blockers.values()].map((b) => ({ ...b, description: texts.get(b.blockerId) ?? null })),
      alignment: state.alignment && { parentObjectiveId: state.alignment.parentObjectiveId, parentOwner: state.alignment.parentOwner, status: state.alignment.status },
      contributesTo: state.contributesTo,
      grade: state.grade,
      review: state.review,
      carriedForwardFrom: state.carriedForwardFrom,
      carriedForwardTo: state.carriedForwardTo,
      version,
    };
  }
}
