import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import type { Filter } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { TeamScope } from '../../teams/application/team-scope';
import { REVIEWS_PROJECTION, type ReviewableDocument } from '../read-model/reviews.projection';
import { ListDueReviewsQuery } from './list-due-reviews.request';

@ApiTags('governance: reviews')
@Controller('api/governance/reviews')
export class ListDueReviewsController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly scope: TeamScope,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({ summary: 'What is due for review: team boundaries, principles and delegated areas, and unit boundaries (teamId null, with unitId), whose review date is on or before dueBefore (default today), soonest first. ?teamId= or ?unitId= (its teams and its own boundaries, with the units below it); limit/after.' })
  @ApiQueryFrom(ListDueReviewsQuery)
  @ApiOkResponse({
    schema: {
      example: {
        dueBefore: '2026-06-30',
        items: [{ teamId: 'team-a', kind: 'boundary', subjectId: 'b-budget', title: 'Team budget', proposalId: 'p-1', reviewBy: '2026-06-01', overdue: false, lastReview: null }],
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId, unitId, dueBefore, limit, after } = parseRequest(ListDueReviewsQuery, query, 'query');
    const tenantId = principal.tenantId;
    const today = this.clock().toISOString().slice(0, 10);
    const until = dueBefore ?? today;
    const conditions: Filter[] = [{ tenantId }, { reviewBy: { $ne: null } }, { reviewBy: { $lte: until } }];
    if (teamId) conditions.push({ teamId });
    if (unitId) {
      // The unit's teams and the units' own boundaries, for the unit and every unit below it.
      const units = await this.scope.unitAndBelow(tenantId, unitId);
      const teams = (await this.scope.teamsInUnits(tenantId, units)).map((t) => t.teamId);
      conditions.push({ $or: [{ teamId: { $in: teams } }, { unitId: { $in: units } }] });
    }
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<ReviewableDocument>(REVIEWS_PROJECTION, 'reviewables')
        .find({ $and: conditions }, { sort: { reviewBy: 1 }, limit, ...(after ? { after } : {}) }),
    );
    return {
      dueBefore: until,
      items: page.items.map(({ _id, tenantId: _t, ...item }) => ({ ...item, overdue: item.reviewBy !== null && item.reviewBy < today })),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}
