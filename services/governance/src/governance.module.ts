import { AuditModule } from '@leerzone/audit';
import { Inject, Module } from '@nestjs/common';
import type { EventSchemaRegistry } from '@leerzone/kernel';
import { TEAM_UPCASTERS, governanceSettingsDecider, organisationDecider, rolloutPlanDecider, teamDecider } from '@leerzone/governance-domain';
import { EVENT_SCHEMAS, ProjectionsHost } from '@leerzone/nest-platform';
import { ServiceCommands, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';
import { AddUnitController } from './organisations/add-unit/add-unit.controller';
import { CreateOrganisationController } from './organisations/create-organisation/create-organisation.controller';
import { GetOrganisationController } from './organisations/get-organisation/get-organisation.controller';
import { GetUnitBoundariesController } from './organisations/get-unit-boundaries/get-unit-boundaries.controller';
import { ListOrganisationsController } from './organisations/list-organisations/list-organisations.controller';
import { MoveUnitController } from './organisations/move-unit/move-unit.controller';
import { OrganisationHistoryController } from './organisations/organisation-history/organisation-history.controller';
import { RemoveUnitBoundaryController } from './organisations/remove-unit-boundary/remove-unit-boundary.controller';
import { RenameUnitController } from './organisations/rename-unit/rename-unit.controller';
import { SetUnitBoundaryController } from './organisations/set-unit-boundary/set-unit-boundary.controller';
import { CreateRolloutPlanController } from './rollout-plans/create-rollout-plan/create-rollout-plan.controller';
import { GetRolloutPlanController } from './rollout-plans/get-rollout-plan/get-rollout-plan.controller';
import { ListRolloutPlansController } from './rollout-plans/list-rollout-plans/list-rollout-plans.controller';
import { RescheduleTeamController } from './rollout-plans/reschedule-team/reschedule-team.controller';
import { RolloutPlanHistoryController } from './rollout-plans/rollout-plan-history/rollout-plan-history.controller';
import { ScheduleTeamController } from './rollout-plans/schedule-team/schedule-team.controller';
import { UnscheduleTeamController } from './rollout-plans/unschedule-team/unschedule-team.controller';
import { AddDecisionAreaController } from './teams/add-decision-area/add-decision-area.controller';
import { AddMemberController } from './teams/add-member/add-member.controller';
import { AdoptPrincipleController } from './teams/adopt-principle/adopt-principle.controller';
import { ChangeMemberRolesController } from './teams/change-member-roles/change-member-roles.controller';
import { MoveTeamToPhaseController } from './teams/move-team-to-phase/move-team-to-phase.controller';
import { CloseBoundaryProposalController } from './teams/close-boundary-proposal/close-boundary-proposal.controller';
import { ConsentToBoundaryChangeController } from './teams/consent-to-boundary-change/consent-to-boundary-change.controller';
import { CreateTeamController } from './teams/create-team/create-team.controller';
import { GetCoachingController } from './teams/get-coaching/get-coaching.controller';
import { GetDecisionController } from './teams/get-decision/get-decision.controller';
import { GetDelegationBoardController } from './teams/get-delegation-board/get-delegation-board.controller';
import { GetMandateController } from './teams/get-mandate/get-mandate.controller';
import { GetPhaseProgressController } from './teams/get-phase-progress/get-phase-progress.controller';
import { GetProposalController } from './teams/get-proposal/get-proposal.controller';
import { GetTeamBoundariesController } from './teams/get-team-boundaries/get-team-boundaries.controller';
import { GetTeamController } from './teams/get-team/get-team.controller';
import { ListDecisionsController } from './teams/list-decisions/list-decisions.controller';
import { ListMembersController } from './teams/list-members/list-members.controller';
import { ListPrinciplesController } from './teams/list-principles/list-principles.controller';
import { ListProposalsController } from './teams/list-proposals/list-proposals.controller';
import { ListTeamsController } from './teams/list-teams/list-teams.controller';
import { MoveTeamToUnitController } from './teams/move-team-to-unit/move-team-to-unit.controller';
import { ObjectToBoundaryChangeController } from './teams/object-to-boundary-change/object-to-boundary-change.controller';
import { PlanCoachingTopicController } from './teams/plan-coaching-topic/plan-coaching-topic.controller';
import { ProposeBoundaryChangeController } from './teams/propose-boundary-change/propose-boundary-change.controller';
import { RecordCoachingSessionController } from './teams/record-coaching-session/record-coaching-session.controller';
import { RecordDecisionController } from './teams/record-decision/record-decision.controller';
import { RemoveMemberController } from './teams/remove-member/remove-member.controller';
import { RemoveTeamBoundaryController } from './teams/remove-team-boundary/remove-team-boundary.controller';
import { RenameTeamController } from './teams/rename-team/rename-team.controller';
import { RetirePrincipleController } from './teams/retire-principle/retire-principle.controller';
import { RevisePrincipleController } from './teams/revise-principle/revise-principle.controller';
import { SayYesController } from './teams/say-yes/say-yes.controller';
import { SetDelegationLevelController } from './teams/set-delegation-level/set-delegation-level.controller';
import { SetTeamBoundaryController } from './teams/set-team-boundary/set-team-boundary.controller';
import { TeamEventsController } from './teams/team-events/team-events.controller';
import { TeamHistoryController } from './teams/team-history/team-history.controller';
import { WithdrawBoundaryProposalController } from './teams/withdraw-boundary-proposal/withdraw-boundary-proposal.controller';
import { WithdrawYesController } from './teams/withdraw-yes/withdraw-yes.controller';
import { OrganisationCommands } from './organisations/application/organisation-commands';
import { UnitFrames } from './organisations/application/unit-frames';
import { organisationsProjection } from './organisations/read-model/organisations.projection';
import { RolloutPlanCommands } from './rollout-plans/application/rollout-plan-commands';
import { rolloutPlansProjection } from './rollout-plans/read-model/rollout-plans.projection';
import { TeamCommands } from './teams/application/team-commands';
import { TeamPast } from './teams/application/team-past';
import { TeamReadModels } from './teams/application/team-read-models';
import { coachingProjection } from './teams/read-model/coaching.projection';
import { decisionsProjection } from './teams/read-model/decisions.projection';
import { delegationBoardProjection } from './teams/read-model/delegation-board.projection';
import { principlesProjection } from './teams/read-model/principles.projection';
import { proposalsProjection } from './teams/read-model/proposals.projection';
import { teamBoundariesProjection } from './teams/read-model/team-boundaries.projection';
import { teamMembersProjection } from './teams/read-model/team-members.projection';
import { teamsProjection } from './teams/read-model/teams.projection';
import { AnswerEscalationController } from './escalations/answer-escalation/answer-escalation.controller';
import { EscalationAnswers } from './escalations/application/escalation-answers';
import { EscalationAreasController } from './escalations/escalation-areas/escalation-areas.controller';
import { ListEscalationsController } from './escalations/list-escalations/list-escalations.controller';
import { escalationsProjection } from './escalations/read-model/escalations.projection';
import { ExportGovernanceController } from './exports/export-governance/export-governance.controller';
import { boundaryChangesProjection } from './exports/read-model/boundary-changes.projection';
import { NameEscalationContactController } from './organisations/name-escalation-contact/name-escalation-contact.controller';
import { ReviewUnitBoundaryController } from './organisations/review-unit-boundary/review-unit-boundary.controller';
import { ListDueReviewsController } from './reviews/list-due-reviews/list-due-reviews.controller';
import { reviewsProjection } from './reviews/read-model/reviews.projection';
import { ReviewAgreementController } from './reviews/review-agreement/review-agreement.controller';
import { SetReviewDateController } from './reviews/set-review-date/set-review-date.controller';
import { GovernanceSettingsReader } from './settings/application/governance-settings';
import { ChangeSettingsController } from './settings/change-settings/change-settings.controller';
import { GetSettingsController } from './settings/get-settings/get-settings.controller';
import { ConsentDeadlineScheduler } from './teams/adopt-by-deadline/consent-deadline.scheduler';
import { TeamScope } from './teams/application/team-scope';

export const GOVERNANCE_PROJECTIONS = [
  teamsProjection,
  teamMembersProjection,
  teamBoundariesProjection,
  delegationBoardProjection,
  decisionsProjection,
  proposalsProjection,
  coachingProjection,
  principlesProjection,
  organisationsProjection,
  rolloutPlansProjection,
  escalationsProjection,
  reviewsProjection,
  boundaryChangesProjection,
];

/**
 * The governance service's HTTP surface and read models. Needs the PlatformModule (event
 * store, projections, auth, problems) from whichever runner hosts it: standalone or its
 * own process. See docs/governance-api.md.
 */
@Module({
  // The audit API folds governance streams by prefix (state as of, diffs).
  imports: [
    AuditModule.forFeature([
      { streamPrefix: 'team-', name: 'governance.team', initialState: teamDecider.initialState, evolve: teamDecider.evolve },
      { streamPrefix: 'organisation-', name: 'governance.organisation', initialState: organisationDecider.initialState, evolve: organisationDecider.evolve },
      { streamPrefix: 'rollout-plan-', name: 'governance.rollout-plan', initialState: rolloutPlanDecider.initialState, evolve: rolloutPlanDecider.evolve },
      { streamPrefix: 'governance-settings-', name: 'governance.settings', initialState: governanceSettingsDecider.initialState, evolve: governanceSettingsDecider.evolve },
    ]),
  ],
  controllers: [
    AddUnitController,
    CreateOrganisationController,
    GetOrganisationController,
    GetUnitBoundariesController,
    ListOrganisationsController,
    MoveUnitController,
    OrganisationHistoryController,
    RemoveUnitBoundaryController,
    RenameUnitController,
    SetUnitBoundaryController,
    CreateRolloutPlanController,
    GetRolloutPlanController,
    ListRolloutPlansController,
    RescheduleTeamController,
    RolloutPlanHistoryController,
    ScheduleTeamController,
    UnscheduleTeamController,
    AddDecisionAreaController,
    AddMemberController,
    AdoptPrincipleController,
    ChangeMemberRolesController,
    MoveTeamToPhaseController,
    CloseBoundaryProposalController,
    ConsentToBoundaryChangeController,
    CreateTeamController,
    GetCoachingController,
    GetDecisionController,
    GetDelegationBoardController,
    GetMandateController,
    GetPhaseProgressController,
    GetProposalController,
    GetTeamBoundariesController,
    GetTeamController,
    ListDecisionsController,
    ListMembersController,
    ListPrinciplesController,
    ListProposalsController,
    ListTeamsController,
    MoveTeamToUnitController,
    ObjectToBoundaryChangeController,
    PlanCoachingTopicController,
    ProposeBoundaryChangeController,
    RecordCoachingSessionController,
    RecordDecisionController,
    RemoveMemberController,
    RemoveTeamBoundaryController,
    RenameTeamController,
    RetirePrincipleController,
    RevisePrincipleController,
    SayYesController,
    SetDelegationLevelController,
    SetTeamBoundaryController,
    TeamEventsController,
    TeamHistoryController,
    WithdrawBoundaryProposalController,
    WithdrawYesController,
    AnswerEscalationController,
    ListEscalationsController,
    EscalationAreasController,
    NameEscalationContactController,
    ReviewUnitBoundaryController,
    SetReviewDateController,
    ReviewAgreementController,
    ListDueReviewsController,
    GetSettingsController,
    ChangeSettingsController,
    ExportGovernanceController,
  ],
  providers: [
    ServiceCommands,
    TenantStreams,
    UnitFrames,
    OrganisationCommands,
    RolloutPlanCommands,
    TeamCommands,
    TeamReadModels,
    TeamPast,
    TeamScope,
    GovernanceSettingsReader,
    EscalationAnswers,
    ConsentDeadlineScheduler,
  ],
})
export class GovernanceModule {
  constructor(projections: ProjectionsHost, @Inject(EVENT_SCHEMAS) schemas: EventSchemaRegistry) {
    // Once per process: commands, projections, the audit API and consumers read older shapes through it.
    for (const upcaster of TEAM_UPCASTERS) schemas.register(upcaster);
    projections.register(...GOVERNANCE_PROJECTIONS);
  }
}

/** Governance as a Leerzone service: its streams, its topic `leerzone.governance.events`, its module. */
export const governanceService: ServiceDefinition = {
  name: 'governance',
  streamPrefixes: ['team-', 'organisation-', 'rollout-plan-', 'governance-settings-'],
  module: GovernanceModule,
  defaultPort: 3001,
  title: 'Leerzone governance',
  description:
    'Teams, the yes to self-steering, boundaries, consent with deadlines, the delegation board, decisions, escalations and their answers, principles, review dates, organisations, rollout plans, tenant settings and exports.',
};
