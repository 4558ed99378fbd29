import { once } from 'node:events';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TEAM_ROW_COLUMNS, matchesZone, teamFigures, teamRow, withinPeriod, type TeamRow } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, period, teamScope } from '../../shared/analytics-query';
import { TEAM_ROW_EXAMPLE } from '../../shared/examples';
import { ExportTeamFiguresQuery } from './export-team-figures.request';

/** Teams read and written per step: the export never holds more than one page of teams. */
const EXPORT_PAGE = 200;

/** RFC 4180: quote a cell holding a quote, comma or line break; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
    const pages = this.data.teamPages(tenantId, teamScope(request), EXPORT_PAGE);
    // The first page is read before the status is sent, so a failing store still answers with a problem.
    let next = await pages.next();
    const csv = request.format === 'csv';
    response.status(200);
    response.setHeader('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="team-figures.${csv ? 'csv' : 'ndjson'}"`);
    const write = async (chunk: string) => {
      if (!response.write(chunk)) await once(response, 'drain');
    };
    if (csv) await write(`${TEAM_ROW_COLUMNS.join(',')}\r\n`);
    while (!next.done) {
      const sources = await this.data.sourcesOf(tenantId, next.value);
      let chunk = '';
      for (const s of sources) {
        const figures = teamFigures(withinPeriod(s, period(request)), now, threshold);
        if (!matchesZone(figures, request.zone)) continue;
        const row = teamRow(figures);
        chunk += csv ? csvLine(row) : `${JSON.stringify(row)}\n`;
      }
      if (chunk) await write(chunk);
      if (response.destroyed) return;
      next = await pages.next();
    }
    response.end();
  }
}
