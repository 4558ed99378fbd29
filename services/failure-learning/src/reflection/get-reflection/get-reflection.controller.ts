import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { fold } from '@leerzone/kernel';
import { AnyRole, TeamScoped, CLOCK, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { reflectionDecider, reflectionSchedule, reflectionStreamId, type ReflectionEvent } from '@leerzone/failure-learning-domain';
import { etagOf, TenantStreams } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';

@ApiTags('failure-learning: reflection')
@Controller('api/failure-learning/teams')
export class GetReflectionController {
  constructor(
    private readonly access: TeamAccess,
    private readonly streams: TenantStreams,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/reflection')
  @ApiOperation({ summary: 'The team’s reflection cadence, the next moment on it (and whether it is due), and its reviews with what each started from and its takeaways. Read from the team’s reflection stream.' })
  @ApiOkResponse({
    schema: {
      example: {
        teamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
        cadence: { everyWeeks: 2, startsOn: '2026-12-07' },
        schedule: { nextOn: '2026-12-21', due: false, daysOverdue: 0, reportsSince: '2026-12-07T09:00:00.000Z' },
        reviews: [{ reviewId: 'review-1', startedAt: '2026-12-07T09:00:00.000Z', since: null, openActions: [], reports: [], completedAt: '2026-12-07T10:00:00.000Z', takeaways: ['Pair on the evening round'] }],
        version: 3,
      },
    },
  })
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireReader(principal, teamId);
    const events = ((await this.streams.read(reflectionStreamId(principal.tenantId, teamId), principal.tenantId)) ?? []) as unknown as (ReflectionEvent & { streamPosition: number })[];
    const state = fold(reflectionDecider, events);
    const reviews = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      if (event.type === 'ReflectionReviewStarted') {
        const { teamId: _t, ...started } = event.data;
        reviews.set(started.reviewId, { ...started, completedAt: null, completedBy: null, takeaways: [] });
      } else if (event.type === 'ReflectionReviewCompleted') {
        const review = reviews.get(event.data.reviewId);
        if (review) reviews.set(event.data.reviewId, { ...review, completedAt: event.data.completedAt, completedBy: event.data.completedBy, takeaways: event.data.takeaways });
      }
    }
    response.setHeader('ETag', etagOf(events.length));
    return { teamId, cadence: state.cadence, schedule: reflectionSchedule(state, this.clock()), reviews: [...reviews.values()], version: events.length };
  }
}
