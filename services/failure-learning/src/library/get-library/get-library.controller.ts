import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { followUpDueRule } from '@leerzone/failure-learning-domain';
import { etagOf, guardedQuery, TenantStreams } from '@leerzone/service-kit';
import { lessonsLibraryStreamId } from '@leerzone/failure-learning-domain';
import { LearningFacts } from '../../shared/learning-facts';
import { LESSONS_PROJECTION, type LessonDocument } from '../../reports/read-model/lessons.projection';
import { GetLibraryQuery } from './get-library.request';

@ApiTags('failure-learning: library')
@Controller('api/failure-learning/library')
export class GetLibraryController {
  constructor(
    private readonly facts: LearningFacts,
    private readonly projections: ProjectionsHost,
    private readonly streams: TenantStreams,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({ summary: 'The tenant’s lessons library, for every team: shared lessons (newest first; ?kind=&area= filter, limit/after page), the contributing-factor taxonomy and the due-date rule. ETag = the library stream version.' })
  @ApiOkResponse({
    schema: {
      example: {
        lessons: [{ lessonId: '0199a0b2-7c1e-7000-8000-0000000000ac', teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', kind: 'intelligent', summary: 'Self-rostering needs a fallback for holidays', area: 'rostering', tags: ['self-rostering'] }],
        taxonomy: [{ factor: 'tooling', label: 'Tooling' }],
        dueRule: { high: 3, medium: 7, low: 7 },
        version: 3,
      },
    },
  })
  @ApiQueryFrom(GetLibraryQuery)
  async get(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { kind, area, limit, after } = parseRequest(GetLibraryQuery, query, 'query');
    const tenantId = principal.tenantId;
    const [library, events] = await Promise.all([this.facts.library(tenantId), this.streams.read(lessonsLibraryStreamId(tenantId), tenantId)]);
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<LessonDocument>(LESSONS_PROJECTION, 'lessons')
        .find({ tenantId, inLibrary: true, ...(kind ? { kind: { $in: kind } } : {}), ...(area ? { area: { $in: area } } : {}) }, { sort: { addedToLibraryAt: -1 }, limit, ...(after ? { after } : {}) }),
    );
    const version = events?.length ?? 0;
    response.setHeader('ETag', etagOf(version));
    return {
      lessons: page.items.map(({ lessonId, reportId, teamId, kind: k, summary, area: a, tags, addedToLibraryAt }) => ({ lessonId, reportId, teamId, kind: k, summary, area: a, tags, addedToLibraryAt })),
      ...(page.next ? { next: page.next } : {}),
      taxonomy: [...library.contributingFactors].map(([factor, label]) => ({ factor, label })),
      dueRule: followUpDueRule(library),
      version,
    };
  }
}
