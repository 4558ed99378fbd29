import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, ProjectionsHost, Roles, parseRequest, type Principal, ApiParamsFrom, ApiQueryFrom } from '@leerzone/nest-platform';
import type { Filter } from '@leerzone/projection-store';
import type { ReadModelCollection } from '@leerzone/projections';
import { TeamScope } from '../../teams/application/team-scope';
import { DECISIONS_PROJECTION, type DecisionDocument } from '../../teams/read-model/decisions.projection';
import { PROPOSALS_PROJECTION, type ProposalDocument } from '../../teams/read-model/proposals.projection';
import { BOUNDARY_CHANGES_PROJECTION, type BoundaryChangeDocument } from '../read-model/boundary-changes.projection';
import { ExportParams, ExportQuery, type ExportDataset } from './export-governance.request';
import { csvCell, streamExport } from '@leerzone/service-kit';

/** Who may take the tenant's governance record away in bulk. */
export const EXPORTERS = ['analyst', 'transformation-lead', 'auditor', 'admin'] as const;
const PAGE = 200;

const decisionRow = (d: DecisionDocument) => ({
  teamId: d.teamId,
  decisionId: d.decisionId,
  status: d.status,
  area: d.area,
  title: d.title,
  actedUnderLevel: d.actedUnderLevel,
  boardLevel: d.mandate.boardLevel,
  amount: d.amount?.amount ?? null,
  currency: d.amount?.currency ?? null,
  by: d.by,
  at: d.at,
  violations: d.violations.map((v) => v.code).join(';'),
  answer: d.answer?.answer ?? null,
  answeredBy: d.answer?.by ?? null,
  answeredAs: d.answer?.answeredAs ?? null,
  answeredAt: d.answer?.at ?? null,
  answerReason: d.answer?.reason ?? null,
  rationale: d.rationale,
});

const boundaryChangeRow = (c: BoundaryChangeDocument) => ({
  level: c.level,
  teamId: c.teamId,
  unitId: c.unitId,
  boundaryId: c.boundaryId,
  change: c.change,
  kind: c.kind,
  title: c.title,
  area: c.area,
  limit: c.boundary.kind === 'financial' && c.change !== 'removed' ? c.boundary.limit.amount : null,
  currency: c.boundary.kind === 'financial' && c.change !== 'removed' ? c.boundary.limit.currency : null,
  period: c.boundary.kind === 'financial' ? c.boundary.period : null,
  by: c.by,
  at: c.at,
  reason: c.reason,
  proposalId: c.proposalId,
});

const consentOutcomeRow = (p: ProposalDocument) => ({
  teamId: p.teamId,
  proposalId: p.proposalId,
  status: p.status,
  action: p.change.action,
  boundaryId: p.change.action === 'set' ? p.change.boundary.boundaryId : p.change.boundaryId,
  proposedBy: p.proposedBy,
  proposedAt: p.proposedAt,
  closesAt: p.closesAt,
  closedAt: p.closedAt ?? null,
  byDeadline: p.outcome?.byDeadline === true,
  consented: p.outcome?.consentedIds?.length ?? null,
  silent: p.outcome?.silentIds?.length ?? null,
  objections: p.outcome?.objections?.length ?? null,
  answer: p.answer?.answer ?? null,
  answeredBy: p.answer?.by ?? null,
  answeredAs: p.answer?.answeredAs ?? null,
  reason: p.reason,
});

type Rows = { decisions: ReturnType<typeof decisionRow>; 'boundary-changes': ReturnType<typeof boundaryChangeRow>; 'consent-outcomes': ReturnType<typeof consentOutcomeRow> };
const COLUMNS: { [D in ExportDataset]: readonly (keyof Rows[D] & string)[] } = {
  decisions: Object.keys(decisionRow({ mandate: {}, violations: [] } as unknown as DecisionDocument)) as (keyof Rows['decisions'] & string)[],
  'boundary-changes': Object.keys(boundaryChangeRow({ boundary: {} } as unknown as BoundaryChangeDocument)) as (keyof Rows['boundary-changes'] & string)[],
  'consent-outcomes': Object.keys(consentOutcomeRow({ change: {} } as unknown as ProposalDocument)) as (keyof Rows['consent-outcomes'] & string)[],
};

async function* pages<T extends { _id: string }, Row>(collection: ReadModelCollection<T>, filter: Filter, sortField: string, toRow: (doc: T) => Row): AsyncGenerator<Row[]> {
  let after: string | undefined;
  do {
    const page = await collection.find(filter, { sort: { [sortField]: 1 }, limit: PAGE, ...(after ? { after } : {}) });
    if (page.items.length > 0) yield page.items.map(toRow);
    after = page.next;
  } while (after);
}

const exampleCsv = (dataset: ExportDataset, row: Record<string, unknown>) => `${COLUMNS[dataset].join(',')}\r\n${COLUMNS[dataset].map((c) => csvCell(row[c])).join(',')}\r\n`;
const DECISION_EXAMPLE = {
  teamId: 'team-a', decisionId: 'd-1', status: 'approved', area: 'budget-spend', title: 'Buy two laptops', actedUnderLevel: 7, boardLevel: 7, amount: 2500, currency: 'EUR', by: 'user-anna', at: '2026-03-01T09:00:00.000Z',
  violations: 'DECISION.AMOUNT_OVER_LIMIT', answer: 'approve', answeredBy: 'user-coach', answeredAs: 'team-coach', answeredAt: '2026-03-02T09:00:00.000Z', answerReason: 'the laptops cannot wait', rationale: 'Two colleagues work without a device',
};

@ApiTags('governance: export')
@Controller('api/governance/exports')
export class ExportGovernanceController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly scope: TeamScope,
  ) {}

  @Get(':dataset')
  @Roles(...EXPORTERS)
  @ApiOperation({
    summary:
      "The tenant's decisions (with their answers), boundary changes (team and unit) or consent outcomes (closed proposals) as CSV or NDJSON, streamed page by page, oldest first. Filters: teamId, unitId (with the units below it), area, from/to. Analysts, transformation leads, auditors and admins.",
  })
  @ApiParamsFrom(ExportParams)
  @ApiQueryFrom(ExportQuery)
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ content: { 'text/csv': { example: exampleCsv('decisions', DECISION_EXAMPLE) }, 'application/x-ndjson': { example: `${JSON.stringify(DECISION_EXAMPLE)}\n` } } })
  async export(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { dataset } = parseRequest(ExportParams, params, 'params');
    const request = parseRequest(ExportQuery, query, 'query');
    const tenantId = principal.tenantId;
    const period = (field: string): Filter[] =>
      request.from || request.to ? [{ [field]: { ...(request.from ? { $gte: new Date(request.from).toISOString() } : {}), ...(request.to ? { $lte: new Date(request.to).toISOString() } : {}) } }] : [];
    const unitIds = request.unitId ? await this.scope.unitAndBelow(tenantId, request.unitId) : null;
    const teamIds = unitIds ? (await this.scope.teamsInUnits(tenantId, unitIds)).map((t) => t.teamId) : null;
    const teams: Filter[] = [...(request.teamId ? [{ teamId: request.teamId }] : []), ...(teamIds ? [{ teamId: { $in: teamIds } }] : [])];
    const readModels = this.projections.readModels;
    const name = `governance-${dataset}`;
    switch (dataset) {
      case 'decisions': {
        const filter: Filter = { $and: [{ tenantId }, ...teams, ...(request.area ? [{ area: request.area }] : []), ...period('at')] };
        return streamExport(response, { name, format: request.format, columns: COLUMNS.decisions, pages: pages(readModels.collection<DecisionDocument>(DECISIONS_PROJECTION, 'decisions'), filter, 'at', decisionRow) });
      }
      case 'boundary-changes': {
        // A unit's own boundaries belong to its export beside its teams'; a team filter narrows to that team's.
        const where: Filter[] = request.teamId ? teams : unitIds ? [{ $or: [{ teamId: { $in: teamIds! } }, { unitId: { $in: unitIds } }] }] : [];
        const filter: Filter = { $and: [{ tenantId }, ...where, ...(request.area ? [{ area: request.area }] : []), ...period('at')] };
        return streamExport(response, {
          name,
          format: request.format,
          columns: COLUMNS['boundary-changes'],
          pages: pages(readModels.collection<BoundaryChangeDocument>(BOUNDARY_CHANGES_PROJECTION, 'changes'), filter, 'at', boundaryChangeRow),
        });
      }
      case 'consent-outcomes': {
        const filter: Filter = { $and: [{ tenantId }, { status: { $ne: 'open' } }, ...teams, ...(request.area ? [{ 'change.boundary.decisionArea': request.area }] : []), ...period('closedAt')] };
        return streamExport(response, {
          name,
          format: request.format,
          columns: COLUMNS['consent-outcomes'],
          pages: pages(readModels.collection<ProposalDocument>(PROPOSALS_PROJECTION, 'proposals'), filter, 'closedAt', consentOutcomeRow),
        });
      }
    }
  }
}
