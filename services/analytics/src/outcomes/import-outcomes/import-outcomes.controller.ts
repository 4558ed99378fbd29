import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { outcomesDecider, outcomesStreamId, parseOutcomeCsv, validateOutcomeRows, type RowError, type RowsOrErrors } from '@leerzone/analytics-domain';
import { NEW_ID, ProblemException, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { ServiceCommands, Write, commandAnswer, type WriteRequest } from '@leerzone/service-kit';
import { AnalyticsData } from '../../shared/analytics-data';
import { ImportOutcomesCsvRequest, ImportOutcomesRequest } from './import-outcomes.request';

const EXAMPLE = { importId: '0199a0b2-7c1e-7000-8000-0000000000e1', rows: 40, version: 3, events: [{ type: 'OutcomesImported' }] };

/** Every row's errors at once, each with its line and field; nothing is recorded. */
function rowsRefused(errors: readonly RowError[]): ProblemException {
  const first = errors[0]!;
  return ProblemException.of(400, 'OUTCOMES.INVALID_ROWS', `${errors.length} problem${errors.length === 1 ? '' : 's'} in the import; nothing was imported. First, on line ${first.line}: ${first.message}`, {
    field: first.field,
    errors: errors.slice(0, 500).map((e) => ({ line: e.line, field: e.field, code: e.code, message: e.message })),
  });
}

@ApiTags('analytics: outcomes')
@Controller('api/analytics/outcomes')
export class ImportOutcomesController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly data: AnalyticsData,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('analyst', 'admin')
  @ApiOperation({
    summary:
      "Imports outcome measures per team and period (engagement, absenteeism rate, innovative ideas, project lead time): every row checked, errors per row and field, nothing recorded unless every row is right; one import is one event on analytics' own stream. The same importId again records nothing.",
  })
  @ApiBody({ schema: jsonSchemaOf(ImportOutcomesRequest) })
  @ApiCreatedResponse({ schema: { example: EXAMPLE } })
  async importRows(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const request = parseRequest(ImportOutcomesRequest, body);
    const known = await this.knownTeams(write.principal.tenantId);
    return this.record(validateOutcomeRows(request.rows, known), request.importId, 'api', write, response);
  }

  @Post('csv')
  @HttpCode(201)
  @Roles('analyst', 'admin')
  @ApiOperation({
    summary:
      'The same import from a CSV file sent as JSON `{ "csv": "<file text>" }` (this API reads JSON bodies only): header `teamId,period,engagement,absenteeismRate,innovativeIdeas,projectLeadTimeDays` (any order, measures optional), errors per line of the file, nothing half-imported.',
  })
  @ApiBody({ schema: jsonSchemaOf(ImportOutcomesCsvRequest) })
  @ApiCreatedResponse({ schema: { example: EXAMPLE } })
  async importCsv(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const request = parseRequest(ImportOutcomesCsvRequest, body);
    const known = await this.knownTeams(write.principal.tenantId);
    return this.record(parseOutcomeCsv(request.csv, known), request.importId, 'csv', write, response);
  }

  private async knownTeams(tenantId: string): Promise<(teamId: string) => boolean> {
    const ids = new Set(await this.data.teamIds(tenantId));
    return (teamId) => ids.has(teamId);
  }

  private async record(checked: RowsOrErrors, givenId: string | undefined, source: 'api' | 'csv', write: WriteRequest, response: Response) {
    if (checked.errors) throw rowsRefused(checked.errors);
    const importId = givenId ?? this.newId();
    const result = await this.commands.run(outcomesDecider, outcomesStreamId(write.principal.tenantId), { importId, source, rows: checked.rows }, write.context());
    return commandAnswer(response, result, { importId, rows: checked.rows.length });
  }
}
