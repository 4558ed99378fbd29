import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, jsonSchemaOf, parseRequest, type Principal } from '@leerzone/nest-platform';
import { suggestLessons } from '@leerzone/failure-learning-domain';
import { TEAM_ROLES, TeamAccess } from '../../shared/access';
import { LearningFacts } from '../../shared/learning-facts';
import { SuggestLessonsRequest } from './suggest-lessons.request';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/lesson-suggestions')
export class SuggestLessonsController {
  constructor(
    private readonly access: TeamAccess,
    private readonly facts: LearningFacts,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      '"Have we seen this before?" While a report is being written: the top 5 earlier lessons the team may see (its own and the library) that may match, each with why (shared tags, same area, text similarity) and the prevention action’s status. Writes nothing; link one with linkedLessonIds.',
  })
  @ApiBody({ schema: jsonSchemaOf(SuggestLessonsRequest) })
  @ApiOkResponse({
    schema: {
      example: {
        teamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
        suggestions: [
          {
            lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa',
            kind: 'basic',
            summary: 'Double-check the medication list at handover',
            score: 0.8,
            why: { sharedTags: ['handover', 'medication'], sameArea: true, textSimilarity: 0 },
            preventionAction: { actionId: 'checklist', description: 'Handover checklist item', status: 'done' },
          },
        ],
      },
    },
  })
  async suggest(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId, area, tags, text } = parseRequest(SuggestLessonsRequest, body);
    await this.access.throwIf(this.access.check(principal, teamId, 'team', 'see its lessons'));
    const lessons = await this.facts.visibleLessons(principal.tenantId, teamId);
    const byId = new Map(lessons.map((l) => [l.lessonId, l]));
    const suggestions = suggestLessons({ area: area ?? null, tags, text }, lessons).map((s) => ({ ...s, preventionAction: byId.get(s.lessonId)?.preventionAction ?? null }));
    return { teamId, suggestions };
  }
}
