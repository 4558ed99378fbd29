import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PersonalDataVault } from '@leerzone/kernel';
import { NEW_ID, PERSONAL_DATA_VAULT, ProblemException, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { ANONYMOUS_REPORTER_ACTOR, BLAME_FIELDS, anonymousReporterSubject, reportDecider, reportStreamId, type ReportFailure } from '@leerzone/failure-learning-domain';
import { ServiceCommands, commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES, TeamAccess } from '../../shared/access';
import { LearningFacts } from '../../shared/learning-facts';
import { ReportFailureRequest } from './report-failure.request';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/reports')
export class ReportFailureController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
    private readonly facts: LearningFacts,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      'A member of the team reports a failure blamelessly: what was expected, what happened, context, impact, when it happened and was noticed. Speaking up is credited (to the reporter, or the team when anonymous). anonymous: true seals who reported; the store, the bus and every read model then name only the service’s anonymous actor.',
  })
  @ApiBody({ schema: jsonSchemaOf(ReportFailureRequest) })
  @ApiCreatedResponse({
    description: 'Recorded.',
    schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', anonymous: true, version: 2, events: [{ type: 'FailureReported', streamPosition: 1 }, { type: 'SpeakingUpRecognised', streamPosition: 2 }] } },
  })
  async report(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    refuseBlame(body);
    const { reportId: requested, anonymous, impact, ...report } = parseRequest(ReportFailureRequest, body);
    const reportId = requested ?? this.newId();
    const principal = write.principal;
    await this.access.throwIf(this.access.check(principal, report.teamId, 'team', 'report its failures'));
    // The seal names its subject in the clear: the report's pseudonym, never the user id. The envelope names the service's actor.
    const reporter: ReportFailure['data']['reporter'] = anonymous
      ? { anonymous: true, identity: await this.vault.seal(anonymousReporterSubject(principal.tenantId, reportId), principal.userId) }
      : { anonymous: false };
    const ctx = anonymous ? { ...write.context(), actor: ANONYMOUS_REPORTER_ACTOR } : write.context();
    const result = await this.commands.run(reportDecider, reportStreamId(ctx.tenantId, reportId), null, ctx, {
      ifMatch: write.ifMatch,
      commandType: 'ReportFailure',
      lookup: async () => {
        // Re-checked on every attempt: a member removed in the meantime cannot slip in.
        const refused = await this.access.check(principal, report.teamId, 'team', 'report its failures');
        if (refused) return refused;
        const knownLessons = await this.facts.knownLessons(principal.tenantId, report.teamId, report.area, report.linkedLessonIds);
        return { type: 'ReportFailure' as const, data: { reportId, ...report, impact: { description: impact.description, cost: impact.cost ?? null }, reporter, knownLessons } };
      },
    });
    response.setHeader('Location', `/api/failure-learning/reports/${reportId}`);
    return commandAnswer(response, result, { reportId, anonymous });
  }
}

/** Blame is not asked for: a field naming someone to blame is refused whole, with the domain's code, before the schema sees it. */
function refuseBlame(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const blame = Object.keys(body).find((key) => (BLAME_FIELDS as readonly string[]).some((field) => field.toLowerCase() === key.toLowerCase()));
  if (blame === undefined) return;
  const detail = 'A report asks what happened, not who did it: leave out who is to blame and describe what was expected and what happened.';
  throw ProblemException.of(400, 'REPORT.BLAME_NOT_ASKED', detail, { field: blame, errors: [{ field: blame, message: detail, code: 'REPORT.BLAME_NOT_ASKED' }] });
}
