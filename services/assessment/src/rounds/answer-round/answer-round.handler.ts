import { Inject, Injectable } from '@nestjs/common';
import { ROOT_CONTEXT, context } from '@opentelemetry/api';
import { isErased, isRejection, isSealed, type CommandContext, type PersonalDataVault } from '@leerzone/kernel';
import { CLOCK, NEW_ID, PERSONAL_DATA_VAULT, ProblemException, type Principal } from '@leerzone/nest-platform';
import { parseAnswerSheet, roundDecider, roundStreamId, type RoundOpened } from '@leerzone/assessment-domain';
import { ServiceCommands } from '@leerzone/service-kit';
import { AssessmentStreams } from '../../shared/assessment-streams';
import { refuse, TeamAccess } from '../../shared/team-access';
import { answerSlot, padAnswer, paddedLength } from './answer-payload';

/** The actor of every AnswerRecorded: never the respondent. */
export const ANSWER_SERVICE_ACTOR = { id: 'assessment-answer-service', kind: 'service' } as const;

export interface AnswerOutcome {
  readonly roundId: string;
  readonly answered: true;
  readonly replacedEarlier: boolean;
}

/**
 * Answering is two commands on the round's stream (see the domain README):
 * 1. RecordParticipation, in person: "this member has answered", for the count.
 * 2. RecordAnswer, as the answer service: an HMAC slot and the sealed, padded payload.
 *    Its envelope gets a fresh correlation and causation id, no reason, no traceparent
 *    (run outside the request's trace), and the service's clock, so nothing in it points
 *    back at the request that carried the person's token.
 * The answers are checked first, so a bad sheet writes neither.
 */
@Injectable()
export class AnswerRoundHandler {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly streams: AssessmentStreams,
    private readonly access: TeamAccess,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NEW_ID) private readonly newId: () => string,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async answer(principal: Principal, participationCtx: CommandContext, roundId: string, answers: unknown, comment: string | null): Promise<AnswerOutcome> {
    const { tenantId, userId } = principal;
    const { state, events } = await this.streams.requireRound(tenantId, roundId);
    refuse(await this.access.onTeam(principal, state.teamId!, "answer the team's rounds"));
    const sheet = parseAnswerSheet(answers, state.instruments);
    if (isRejection(sheet)) throw ProblemException.fromRejection(sheet);
    const streamId = roundStreamId(tenantId, roundId);

    await this.commands.run(roundDecider, streamId, { type: 'RecordParticipation', data: { roundId, respondentId: userId } }, participationCtx);

    const opened = events[0]!.data as RoundOpened['data'];
    const secret = isSealed(opened.slotKey) ? await this.vault.open(opened.slotKey) : null;
    if (typeof secret !== 'string' || isErased(secret)) throw ProblemException.of(409, 'ROUND.CLOSED', `Round ${roundId} is closed; it takes no more answers.`, { field: 'roundId' });
    const slot = answerSlot(secret, tenantId, userId);
    // The subject the slot key names (a round opened before subjects were tenant-scoped keeps its legacy one).
    const sealed = await this.vault.seal(opened.slotKey.$sealed.subject, padAnswer({ answers: sheet, comment }, paddedLength(state.instruments)));
    const id = this.newId();
    const answerCtx: CommandContext = { tenantId, actor: ANSWER_SERVICE_ACTOR, correlationId: id, causationId: id, now: this.clock() };
    // Outside the request's trace: a command span there would stamp the request's trace id on the answer.
    const result = await context.with(ROOT_CONTEXT, () =>
      this.commands.run(roundDecider, streamId, { type: 'RecordAnswer', data: { roundId, slot, answers: sheet, comment, sealed } }, answerCtx),
    );
    const recorded = result.events.find((e) => e.type === 'AnswerRecorded');
    return { roundId, answered: true, replacedEarlier: recorded ? (recorded.data as { replacesEarlier: boolean }).replacesEarlier : false };
  }
}
