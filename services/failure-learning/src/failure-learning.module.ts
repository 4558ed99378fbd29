import { Module } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { ProjectionsHost } from '@leerzone/nest-platform';
import {
  CASE_STREAM_PREFIX,
  confidentialCaseDecider,
  isConfidentialStream,
  isPublishableEvent,
  LIBRARY_STREAM_PREFIX,
  libraryDecider,
  REFLECTION_STREAM_PREFIX,
  reflectionDecider,
  REPORT_STREAM_PREFIX,
  reportDecider,
} from '@leerzone/failure-learning-domain';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';
import { CaseCommands } from './cases/application/case-commands';
import { CloseCaseController } from './cases/close-case/close-case.controller';
import { GetCaseController } from './cases/get-case/get-case.controller';
import { OpenCaseController } from './cases/open-case/open-case.controller';
import { RecordCaseConsequenceController } from './cases/record-case-consequence/record-case-consequence.controller';
import { AddContributingFactorController } from './library/add-contributing-factor/add-contributing-factor.controller';
import { LibraryCommands } from './library/application/library-commands';
import { LibraryForwarder } from './library/application/library-forwarder';
import { GetLibraryController } from './library/get-library/get-library.controller';
import { ListTeamLessonsController } from './library/list-team-lessons/list-team-lessons.controller';
import { SetDueRuleController } from './library/set-due-rule/set-due-rule.controller';
import { ReflectionCommands } from './reflection/application/reflection-commands';
import { CompleteReflectionReviewController } from './reflection/complete-reflection-review/complete-reflection-review.controller';
import { GetReflectionController } from './reflection/get-reflection/get-reflection.controller';
import { SetReflectionCadenceController } from './reflection/set-reflection-cadence/set-reflection-cadence.controller';
import { StartReflectionReviewController } from './reflection/start-reflection-review/start-reflection-review.controller';
import { ReportCommands } from './reports/application/report-commands';
import { ReportViews } from './reports/application/report-views';
import { CelebrateIntelligentFailureController } from './reports/celebrate-intelligent-failure/celebrate-intelligent-failure.controller';
import { ClassifyFailureController } from './reports/classify-failure/classify-failure.controller';
import { CompleteFollowUpController } from './reports/complete-follow-up/complete-follow-up.controller';
import { DeclineFollowUpController } from './reports/decline-follow-up/decline-follow-up.controller';
import { FailureStatisticsController } from './reports/failure-statistics/failure-statistics.controller';
import { GetReportController } from './reports/get-report/get-report.controller';
import { ListFollowUpsController } from './reports/list-follow-ups/list-follow-ups.controller';
import { ListRepeatsController } from './reports/list-repeats/list-repeats.controller';
import { ListReportsController } from './reports/list-reports/list-reports.controller';
import { MyReportsController } from './reports/my-reports/my-reports.controller';
import { OverdueActionsController } from './reports/overdue-actions/overdue-actions.controller';
import { PlanFollowUpController } from './reports/plan-follow-up/plan-follow-up.controller';
import { followUpsProjection } from './reports/read-model/follow-ups.projection';
import { lessonsProjection } from './reports/read-model/lessons.projection';
import { reportsProjection } from './reports/read-model/reports.projection';
import { ReclassifyFailureController } from './reports/reclassify-failure/reclassify-failure.controller';
import { RecordBasicFailureResponseController } from './reports/record-basic-response/record-basic-response.controller';
import { RecordIntelligentLearningController } from './reports/record-intelligent-learning/record-intelligent-learning.controller';
import { RecordSystemAnalysisController } from './reports/record-system-analysis/record-system-analysis.controller';
import { ReportFailureController } from './reports/report-failure/report-failure.controller';
import { SuggestLessonsController } from './reports/suggest-lessons/suggest-lessons.controller';
import { TeamAccess } from './shared/access';
import { LearningFacts } from './shared/learning-facts';

/** The blameless read models. None reads a confidential case stream. */
export const FAILURE_LEARNING_PROJECTIONS = [reportsProjection, followUpsProjection, lessonsProjection];

/**
 * The failure-learning service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process. See
 * docs/failure-learning-api.md.
 */
@Module({
  imports: [
    TeamDirectoryModule.forService('failure-learning'),
    // The audit API folds these streams by prefix; reading a case through it is itself recorded.
    AuditModule.forFeature([
      { streamPrefix: REPORT_STREAM_PREFIX, name: 'failure-learning.report', initialState: reportDecider.initialState, evolve: reportDecider.evolve },
      { streamPrefix: LIBRARY_STREAM_PREFIX, name: 'failure-learning.library', initialState: libraryDecider.initialState, evolve: libraryDecider.evolve },
      { streamPrefix: REFLECTION_STREAM_PREFIX, name: 'failure-learning.reflection', initialState: reflectionDecider.initialState, evolve: reflectionDecider.evolve },
      { streamPrefix: CASE_STREAM_PREFIX, name: 'failure-learning.confidential-case', initialState: confidentialCaseDecider.initialState, evolve: confidentialCaseDecider.evolve, confidential: true },
    ]),
  ],
  controllers: [
    ReportFailureController,
    SuggestLessonsController,
    MyReportsController,
    GetReportController,
    ListReportsController,
    ClassifyFailureController,
    ReclassifyFailureController,
    RecordBasicFailureResponseController,
    RecordSystemAnalysisController,
    RecordIntelligentLearningController,
    CelebrateIntelligentFailureController,
    PlanFollowUpController,
    CompleteFollowUpController,
    DeclineFollowUpController,
    ListFollowUpsController,
    OverdueActionsController,
    ListRepeatsController,
    FailureStatisticsController,
    GetLibraryController,
    AddContributingFactorController,
    SetDueRuleController,
    ListTeamLessonsController,
    SetReflectionCadenceController,
    StartReflectionReviewController,
    CompleteReflectionReviewController,
    GetReflectionController,
    OpenCaseController,
    GetCaseController,
    RecordCaseConsequenceController,
    CloseCaseController,
  ],
  providers: [ServiceCommands, TenantStreams, TeamAccess, LearningFacts, ReportCommands, ReportViews, LibraryCommands, LibraryForwarder, ReflectionCommands, CaseCommands],
})
export class FailureLearningModule {
  constructor(projections: ProjectionsHost) {
    projections.register(...FAILURE_LEARNING_PROJECTIONS);
  }
}

/** Failure learning as a Leerzone service: its streams (`failure-learning-…`), its topic `leerzone.failure-learning.events`, its module. */
export const failureLearningService: ServiceDefinition = {
  name: 'failure-learning',
  streamPrefixes: ['failure-learning-'],
  module: FailureLearningModule,
  defaultPort: 3005,
  title: 'Leerzone failure-learning',
  description: 'Blameless failure reports, Edmondson’s three kinds, not twice, the lessons library, follow-ups, reflections, and the confidential track for hard boundaries.',
  // Confidential cases never leave the service; neither does a type the domain does not list as public.
  isPrivate: (event) => isConfidentialStream(event.streamId) || !isPublishableEvent(event.type),
};
