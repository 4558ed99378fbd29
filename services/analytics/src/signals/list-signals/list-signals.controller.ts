import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SIGNAL_RULES, detectSignals } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, validationProblem, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, teamScope } from '../../shared/analytics-query';
import { SIGNAL_EXAMPLE } from '../../shared/examples';
import { ListSignalsQuery } from './list-signals.request';

@ApiTags('analytics: signals')
@Controller('api/analytics/signals')
export class ListSignalsController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      'Signals across domains, newest first, each explaining itself (rule, parameters as applied, a sentence, the triggering events with links to their history): control taken back after a failure, zone shift after a delegation change, stalled in a phase, repeated basic failure, ambition under fear, repeated escalation. Windows and limits are query parameters (defaults in docs/analytics-api.md). Filter: rule, unit, team, phase; limit/after.',
  })
  @ApiQueryFrom(ListSignalsQuery)
  @ApiOkResponse({ schema: { example: { items: [SIGNAL_EXAMPLE], next: SIGNAL_EXAMPLE.signalId } } })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { rule, unit, team, phase, limit, after, ...parameters } = parseRequest(ListSignalsQuery, query, 'query');
    const { tenantId } = principal;
    const [threshold, sources] = await Promise.all([this.data.threshold(tenantId), this.data.allSources(tenantId, teamScope({ unit, team, phase }))]);
    const all = detectSignals(
      { teams: sources.map((s) => s.team), rounds: sources.flatMap((s) => s.rounds), objectives: sources.flatMap((s) => s.objectives), reports: sources.flatMap((s) => s.reports) },
      this.clock().toISOString(),
      threshold,
      parameters,
      rule ?? SIGNAL_RULES,
    );
    let start = 0;
    if (after !== undefined) {
      const index = all.findIndex((s) => s.signalId === after);
      if (index < 0) throw validationProblem([{ field: 'after', message: 'No such signal in this answer; start again without after.', code: 'ANALYTICS.INVALID_CURSOR' }]);
      start = index + 1;
    }
    const items = all.slice(start, start + limit);
    return { items, ...(start + limit < all.length ? { next: items.at(-1)!.signalId } : {}) };
  }
}
