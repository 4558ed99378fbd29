import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { PUBLISHED_INSTRUMENTS, type InstrumentDefinition } from '@leerzone/assessment-domain';
import { guardedQuery, PageQuery } from '@leerzone/service-kit';
import { TENANT_INSTRUMENTS_PROJECTION, type TenantInstrumentDocument } from '../read-model/tenant-instruments.projection';

const ListInstrumentsQuery = z.strictObject({ ...PageQuery });

/** What a list shows of a definition; the full wording is at /instruments/:id/versions/:version. */
export const instrumentSummary = (d: InstrumentDefinition) => ({
  instrumentId: d.instrumentId,
  version: d.version,
  title: d.title,
  source: d.source,
  referent: d.referent,
  scale: d.scale,
  dimensions: d.dimensions,
  itemCount: d.items.length,
  total: d.total,
});

@ApiTags('assessment: instruments')
@Controller('api/assessment/instruments')
export class ListInstrumentsController {
  constructor(private readonly projections: ProjectionsHost) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({ summary: "The published instruments (every version, read-only, cited) and the tenant's own (paged with limit/after)." })
  @ApiOkResponse({
    schema: {
      example: {
        published: [{ instrumentId: 'psychological-safety', version: 1, title: 'Team psychological safety', source: { kind: 'published', citation: 'Edmondson (1999)…' }, itemCount: 7, readOnly: true }],
        own: [{ instrumentId: 'team-energy', latestVersion: 1, title: 'Team energy', retiredAt: null, readOnly: false }],
      },
    },
  })
  @ApiQueryFrom(ListInstrumentsQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { limit, after } = parseRequest(ListInstrumentsQuery, query, 'query');
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<TenantInstrumentDocument>(TENANT_INSTRUMENTS_PROJECTION, 'instruments')
        .find({ tenantId: principal.tenantId }, { sort: { instrumentId: 1 }, limit, ...(after ? { after } : {}) }),
    );
    return {
      published: PUBLISHED_INSTRUMENTS.map((d) => ({ ...instrumentSummary(d), readOnly: true })),
      own: page.items.map((doc) => ({
        ...instrumentSummary(doc.versions[doc.versions.length - 1]!),
        latestVersion: doc.latestVersion,
        versions: doc.versions.map((v) => v.version),
        definedBy: doc.definedBy,
        definedAt: doc.definedAt,
        retiredAt: doc.retiredAt,
        readOnly: false,
      })),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}
