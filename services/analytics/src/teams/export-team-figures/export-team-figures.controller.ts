import type { z } from 'zod';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TEAM_ROW_COLUMNS, matchesZone, teamFigures, teamRow, withinPeriod, type TeamRow } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { csvCell, streamExport } from '@leerzone/service-kit';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, period, teamScope } from '../../shared/analytics-query';
import { TEAM_ROW_EXAMPLE } from '../../shared/examples';
import { ExportTeamFiguresQuery } from './export-team-figures.request';

type ExportRequest = z.infer<typeof ExportTeamFiguresQuery>;

/** Teams read and written per step: the export never holds more than one page of teams. */
const EXPORT_PAGE = 200;

const csvLine = (row: TeamRow): string => `${TEAM_ROW_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;

@ApiTags('analytics: teams')
@Controller('api/analytics/team-figures/export')
export class ExportTeamFiguresController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      'One row per team (the columns of docs/analytics-api.md) as CSV or NDJSON, streamed page by page (a large export is never held in memory). Same filters and anonymity as team-figures; trust columns hold the latest round at or above the threshold.',
  })
  @ApiQueryFrom(ExportTeamFiguresQuery)
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    content: {
      'text/csv': { example: `${TEAM_ROW_COLUMNS.join(',')}\r\n${csvLine(TEAM_ROW_EXAMPLE)}` },
      'application/x-ndjson': { example: `${JSON.stringify(TEAM_ROW_EXAMPLE)}\n` },
    },
  })
  async export(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const request = parseRequest(ExportTeamFiguresQuery, query, 'query');
    const { tenantId } = principal;
    const now = this.clock().toISOString();
    const threshold = await this.data.threshold(tenantId);
    await streamExport(response, { name: 'team-figures', format: request.format, columns: TEAM_ROW_COLUMNS, pages: this.rows(tenantId, request, now, threshold) });
  }

  /** One page of rows per page of teams: filtered by zone after the figures are computed. */
  private async *rows(tenantId: string, request: ExportRequest, now: string, threshold: number): AsyncGenerator<readonly TeamRow[]> {
    for await (const page of this.data.teamPages(tenantId, teamScope(request), EXPORT_PAGE)) {
      const sources = await this.data.sourcesOf(tenantId, page);
      yield sources
        .map((s) => teamFigures(withinPeriod(s, period(request)), now, threshold))
        .filter((figures) => matchesZone(figures, request.zone))
        .map(teamRow);
    }
  }
}
