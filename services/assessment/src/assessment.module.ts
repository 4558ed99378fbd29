import { Module } from '@nestjs/common';
import { AuditModule } from '@leerzone/audit';
import { instrumentDecider, maturityDecider, roundDecider, settingsDecider, type RoundState } from '@leerzone/assessment-domain';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { ServiceCommands, TeamDirectoryModule, TenantStreams, type ServiceDefinition } from '@leerzone/service-kit';
import { AddRespondentsController } from './rounds/add-respondents/add-respondents.controller';
import { AgreeActionController } from './rounds/agree-action/agree-action.controller';
import { AnswerRoundController } from './rounds/answer-round/answer-round.controller';
import { ChangeAnonymityThresholdController } from './rounds/change-anonymity-threshold/change-anonymity-threshold.controller';
import { ChooseFocusItemsController } from './rounds/choose-focus-items/choose-focus-items.controller';
import { CloseRoundController } from './rounds/close-round/close-round.controller';
import { CompleteActionController } from './rounds/complete-action/complete-action.controller';
import { ConfigureAssessmentController } from './settings/configure-assessment/configure-assessment.controller';
import { DefineInstrumentController } from './instruments/define-instrument/define-instrument.controller';
import { DropActionController } from './rounds/drop-action/drop-action.controller';
import { GetInstrumentController } from './instruments/get-instrument/get-instrument.controller';
import { GetMemberTaskMaturityController } from './maturity/get-member-task-maturity/get-member-task-maturity.controller';
import { GetMyParticipationController } from './rounds/get-my-participation/get-my-participation.controller';
import { GetRoundController } from './rounds/get-round/get-round.controller';
import { GetRoundResultsController } from './rounds/get-round-results/get-round-results.controller';
import { GetSettingsController } from './settings/get-settings/get-settings.controller';
import { GetTeamMaturityLevelsController } from './maturity/get-team-maturity-levels/get-team-maturity-levels.controller';
import { GetTeamZoneController } from './rounds/get-team-zone/get-team-zone.controller';
import { ListInstrumentsController } from './instruments/list-instruments/list-instruments.controller';
import { ListRoundActionsController } from './rounds/list-round-actions/list-round-actions.controller';
import { ListTeamRoundsController } from './rounds/list-team-rounds/list-team-rounds.controller';
import { ListTeamTaskMaturityController } from './maturity/list-team-task-maturity/list-team-task-maturity.controller';
import { OpenRoundController } from './rounds/open-round/open-round.controller';
import { RateActionHelpfulnessController } from './rounds/rate-action-helpfulness/rate-action-helpfulness.controller';
import { RecordTaskMaturityController } from './maturity/record-task-maturity/record-task-maturity.controller';
import { RetireInstrumentController } from './instruments/retire-instrument/retire-instrument.controller';
import { RetireTaskController } from './maturity/retire-task/retire-task.controller';
import { ReviseInstrumentController } from './instruments/revise-instrument/revise-instrument.controller';
import { MaturityViews } from './maturity/application/maturity-views';
import { taskMaturityProjection } from './maturity/read-model/task-maturity.projection';
import { tenantInstrumentsProjection } from './instruments/read-model/tenant-instruments.projection';
import { RoundCommands } from './rounds/application/round-commands';
import { RoundViews } from './rounds/application/round-views';
import { TeamRounds } from './rounds/application/team-rounds';
import { AnswerRoundHandler } from './rounds/answer-round/answer-round.handler';
import { CloseRoundHandler } from './rounds/close-round/close-round.handler';
import { RoundScheduler } from './rounds/close-round/round-scheduler';
import { roundsProjection } from './rounds/read-model/rounds.projection';
import { teamZonesProjection } from './rounds/read-model/team-zones.projection';
import { AssessmentStreams } from './shared/assessment-streams';
import { TeamAccess } from './shared/team-access';

export const ASSESSMENT_PROJECTIONS = [roundsProjection, teamZonesProjection, tenantInstrumentsProjection, taskMaturityProjection];

/**
 * A round's state as the audit API shows it (state as of, diffs): who was counted and which
 * slots exist are shown as numbers only. The raw events stay readable in the history; see
 * docs/privacy.md for what that does and does not reveal.
 */
const auditedRound = (state: RoundState) => {
  const { counted, slots, respondentIds, actions, ...rest } = state;
  return {
    ...rest,
    groupSize: respondentIds.size,
    answerCount: slots.size,
    countedCount: counted.size,
    actions: [...actions.values()].map(({ helpfulness, ...action }) => ({ ...action, helped: [...helpfulness.values()].filter(Boolean).length, didNotHelp: [...helpfulness.values()].filter((h) => !h).length })),
  };
};

/**
 * The assessment service's HTTP surface and read models. Needs the PlatformModule and the
 * MessagingModule of whichever runner hosts it: standalone or its own process. See
 * docs/assessment-api.md, docs/assessment-events.md and docs/privacy.md.
 */
@Module({
  imports: [
    TeamDirectoryModule.forService('assessment'),
    // Rounds and task maturity are confidential: every read through the audit API is itself recorded.
    AuditModule.forFeature([
      { streamPrefix: 'assessment-round-', name: 'assessment.round', initialState: roundDecider.initialState, evolve: roundDecider.evolve, confidential: true, toJson: auditedRound },
      { streamPrefix: 'assessment-maturity-', name: 'assessment.task-maturity', initialState: maturityDecider.initialState, evolve: maturityDecider.evolve, confidential: true },
      { streamPrefix: 'assessment-instrument-', name: 'assessment.instrument', initialState: instrumentDecider.initialState, evolve: instrumentDecider.evolve },
      { streamPrefix: 'assessment-settings-', name: 'assessment.settings', initialState: settingsDecider.initialState, evolve: settingsDecider.evolve },
    ]),
  ],
  controllers: [
    AddRespondentsController,
    AgreeActionController,
    AnswerRoundController,
    ChangeAnonymityThresholdController,
    ChooseFocusItemsController,
    CloseRoundController,
    CompleteActionController,
    ConfigureAssessmentController,
    DefineInstrumentController,
    DropActionController,
    GetInstrumentController,
    GetMemberTaskMaturityController,
    GetMyParticipationController,
    GetRoundController,
    GetRoundResultsController,
    GetSettingsController,
    GetTeamMaturityLevelsController,
    GetTeamZoneController,
    ListInstrumentsController,
    ListRoundActionsController,
    ListTeamRoundsController,
    ListTeamTaskMaturityController,
    OpenRoundController,
    RateActionHelpfulnessController,
    RecordTaskMaturityController,
    RetireInstrumentController,
    RetireTaskController,
    ReviseInstrumentController,
  ],
  providers: [
    ServiceCommands,
    TenantStreams,
    AssessmentStreams,
    TeamAccess,
    TeamRounds,
    RoundCommands,
    RoundViews,
    AnswerRoundHandler,
    CloseRoundHandler,
    RoundScheduler,
    MaturityViews,
  ],
})
export class AssessmentModule {
  constructor(projections: ProjectionsHost) {
    projections.register(...ASSESSMENT_PROJECTIONS);
  }
}

/**
 * Events that stay in the service's store and audit trail and never reach the topic: who
 * answered and the answers (their order on a partition would pair them), who said an action
 * helped, and task maturity (the member's and their coach's only; analytics gets counts).
 */
export const PRIVATE_EVENT_TYPES: readonly string[] = ['RespondentCounted', 'AnswerRecorded', 'ActionHelpfulnessRated', 'TaskMaturityRecorded', 'TaskRetired'];

/** Assessment as a Leerzone service: its streams (`assessment-…`), its topic `leerzone.assessment.events`, its module. */
export const assessmentService: ServiceDefinition = {
  name: 'assessment',
  streamPrefixes: ['assessment-'],
  module: AssessmentModule,
  defaultPort: 3004,
  title: 'Leerzone assessment',
  description: 'Anonymous rounds of psychological safety, ABI trust and standards; the four zones; actions after a round; task maturity.',
  isPrivate: (event) => PRIVATE_EVENT_TYPES.includes(event.type),
};
