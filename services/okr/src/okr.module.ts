import { Module } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { cycleDecider, objectiveDecider, okrTeamDecider } from '@leerzone/okr-domain';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';
import { AdvanceCycleController } from './cycles/advance-cycle/advance-cycle.controller';
import { AlignmentTreeController } from './cycles/alignment-tree/alignment-tree.controller';
import { CloseCycleController } from './cycles/close-cycle/close-cycle.controller';
import { GetCycleController } from './cycles/get-cycle/get-cycle.controller';
import { ListCyclesController } from './cycles/list-cycles/list-cycles.controller';
import { OverdueCheckInsController } from './cycles/overdue-check-ins/overdue-check-ins.controller';
import { PlanCycleController } from './cycles/plan-cycle/plan-cycle.controller';
import { RecordRetrospectiveController } from './cycles/record-retrospective/record-retrospective.controller';
import { TeamsWithoutRetrospectiveController } from './cycles/teams-without-retrospective/teams-without-retrospective.controller';
import { AddKeyResultController } from './objectives/add-key-result/add-key-result.controller';
import { AnswerAlignmentController } from './objectives/answer-alignment/answer-alignment.controller';
import { CarryForwardController } from './objectives/carry-forward/carry-forward.controller';
import { CheckInController } from './objectives/check-in/check-in.controller';
import { CloseReviewController } from './objectives/close-review/close-review.controller';
import { CommitObjectiveController } from './objectives/commit-objective/commit-objective.controller';
import { DefineObjectiveController } from './objectives/define-objective/define-objective.controller';
import { GetGradingController } from './objectives/get-grading/get-grading.controller';
import { GetObjectiveController } from './objectives/get-objective/get-objective.controller';
import { GradeObjectiveController } from './objectives/grade-objective/grade-objective.controller';
import { KeyResultHistoryController } from './objectives/key-result-history/key-result-history.controller';
import { ListObjectivesController } from './objectives/list-objectives/list-objectives.controller';
import { ProposeAlignmentController } from './objectives/propose-alignment/propose-alignment.controller';
import { RecordReviewFindingController } from './objectives/record-review-finding/record-review-finding.controller';
import { RedefineKeyResultController } from './objectives/redefine-key-result/redefine-key-result.controller';
import { RemoveKeyResultController } from './objectives/remove-key-result/remove-key-result.controller';
import { ResolveBlockerController } from './objectives/resolve-blocker/resolve-blocker.controller';
import { ReviseObjectiveController } from './objectives/revise-objective/revise-objective.controller';
import { SetContributionsController } from './objectives/set-contributions/set-contributions.controller';
import { ListSignalsController } from './signals/list-signals/list-signals.controller';
import { DefineKpiController } from './teams/define-kpi/define-kpi.controller';
import { LinkKpiController } from './teams/link-kpi/link-kpi.controller';
import { ListKpisController } from './teams/list-kpis/list-kpis.controller';
import { RecordKpiValueController } from './teams/record-kpi-value/record-kpi-value.controller';
import { RetireKpiController } from './teams/retire-kpi/retire-kpi.controller';
import { SetCadenceController } from './teams/set-cadence/set-cadence.controller';
import { cyclesProjection } from './cycles/read-model/cycles.projection';
import { ObjectiveCommands } from './objectives/application/objective-commands';
import { ObjectiveReadModels } from './objectives/application/objective-read-models';
import { ObjectiveStreams } from './objectives/application/objective-streams';
import { ObjectiveViews } from './objectives/application/objective-views';
import { objectivesProjection } from './objectives/read-model/objectives.projection';
import { CycleLookup } from './shared/cycle-lookup';
import { OkrAccess } from './shared/okr-access';
import { PersonalText } from './shared/personal-text';
import { TenantThresholds } from './shared/tenant-thresholds';
import { OkrTeamCommands } from './teams/application/okr-team-commands';
import { okrTeamsProjection } from './teams/read-model/okr-teams.projection';
import { TeamCadences } from './teams/read-model/team-cadences';

export const OKR_PROJECTIONS = [cyclesProjection, objectivesProjection, okrTeamsProjection];

/**
 * The okr service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process.
 * Teams, members and coaches come from governance over the bus (TeamDirectoryModule).
 * See docs/okr-api.md.
 */
@Module({
  imports: [
    TeamDirectoryModule.forService('okr'),
    // The audit API folds okr streams by prefix (state as of, diffs).
    AuditModule.forFeature([
      { streamPrefix: 'okr-cycle-', name: 'okr.cycle', initialState: cycleDecider.initialState, evolve: cycleDecider.evolve },
      { streamPrefix: 'okr-objective-', name: 'okr.objective', initialState: objectiveDecider.initialState, evolve: objectiveDecider.evolve },
      { streamPrefix: 'okr-team-', name: 'okr.team', initialState: okrTeamDecider.initialState, evolve: okrTeamDecider.evolve },
    ]),
  ],
  controllers: [
    AdvanceCycleController,
    AlignmentTreeController,
    CloseCycleController,
    GetCycleController,
    ListCyclesController,
    OverdueCheckInsController,
    PlanCycleController,
    RecordRetrospectiveController,
    TeamsWithoutRetrospectiveController,
    AddKeyResultController,
    AnswerAlignmentController,
    CarryForwardController,
    CheckInController,
    CloseReviewController,
    CommitObjectiveController,
    DefineObjectiveController,
    GetGradingController,
    GetObjectiveController,
    GradeObjectiveController,
    KeyResultHistoryController,
    ListObjectivesController,
    ProposeAlignmentController,
    RecordReviewFindingController,
    RedefineKeyResultController,
    RemoveKeyResultController,
    ResolveBlockerController,
    ReviseObjectiveController,
    SetContributionsController,
    ListSignalsController,
    DefineKpiController,
    LinkKpiController,
    ListKpisController,
    RecordKpiValueController,
    RetireKpiController,
    SetCadenceController,
  ],
  providers: [
    ServiceCommands,
    TenantStreams,
    CycleLookup,
    OkrAccess,
    PersonalText,
    TenantThresholds,
    ObjectiveCommands,
    ObjectiveReadModels,
    ObjectiveStreams,
    ObjectiveViews,
    OkrTeamCommands,
    TeamCadences,
  ],
})
export class OkrModule {
  constructor(projections: ProjectionsHost) {
    projections.register(...OKR_PROJECTIONS);
  }
}

/** OKR as a Leerzone service: its streams (`okr-…`), its topic `leerzone.okr.events`, its module. */
export const okrService: ServiceDefinition = {
  name: 'okr',
  streamPrefixes: ['okr-'],
  module: OkrModule,
  defaultPort: 3003,
  title: 'Leerzone okr',
  description: 'OKRs as a cycle: retrospectives, aligned objectives, key results with check-ins and blockers, honest grading, team KPIs, goalposts that cannot move silently.',
};
