import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isErased, isSealed, reject, type CommandContext, type PersonalDataVault, type Rejection, type SealedValue } from '@leerzone/kernel';
import { PERSONAL_DATA_VAULT } from '@leerzone/nest-platform';
import {
  commentSubject,
  roundDecider,
  roundStreamId,
  seededShuffle,
  type AnswerRecorded,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
  type SealedAnswerPayload,
} from '@leerzone/assessment-domain';
import { ServiceCommands, TenantStreams, type CommandResult } from '@leerzone/service-kit';
import { AssessmentStreams } from '../../shared/assessment-streams';
import { TeamRounds } from '../application/team-rounds';

const randomSeed = () => randomInt(0, 2 ** 32);

/**
 * Closing a round (by its coach, or by the scheduler at closesAt): open every stored answer
 * with the round key (the latest per slot), shuffle them, re-seal each non-empty comment
 * under a fresh random subject, pass the sheets and a fresh shuffle seed (never stored)
 * into CloseRound, and then erase the round's vault subject: from then on no answer can be
 * opened and no slot recomputed, by anyone, this service included.
 */
@Injectable()
export class CloseRoundHandler {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly tenantStreams: TenantStreams,
    private readonly streams: AssessmentStreams,
    private readonly teamRounds: TeamRounds,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async close(roundId: string, ctx: CommandContext, check: (state: RoundState) => Promise<Rejection | null> = async () => null): Promise<CommandResult<RoundEvent, RoundState>> {
    const streamId = roundStreamId(ctx.tenantId, roundId);
    try {
      return await this.commands.run(roundDecider, streamId, null, ctx, {
        commandType: 'CloseRound',
        lookup: async (state): Promise<RoundCommand | Rejection> => {
          if (!state.exists) return reject('not-found', 'ROUND.NOT_FOUND', `There is no round ${roundId}.`, { field: 'roundId' });
          const refused = await check(state);
          if (refused) return refused;
          if (state.status !== 'open') return reject('conflict', 'ROUND.ALREADY_CLOSED', `Round ${roundId} is already closed.`, { field: 'roundId' });
          const opened = await this.openAnswers(streamId, ctx.tenantId, state);
          if ('kind' in opened) return opened;
          const comments: SealedValue[] = [];
          for (const payload of opened) {
            if (payload.comment) comments.push(await this.vault.seal(commentSubject(randomUUID()), payload.comment));
          }
          const settings = await this.streams.settings(ctx.tenantId);
          return {
            type: 'CloseRound',
            data: {
              roundId,
              sheets: opened.map((p) => p.answers),
              comments,
              shuffleSeed: randomSeed(),
              previousZone: await this.teamRounds.previousZone(ctx.tenantId, state.teamId!, roundId),
              zoneThresholds: settings.zoneThresholds,
            },
          };
        },
      });
    } finally {
      // Also after a lost race or a crash between close and erase: a closed round's key must not survive.
      const after = await this.streams.round(ctx.tenantId, roundId);
      if (after.state.status === 'closed' && after.state.keySubject) await this.vault.erase(after.state.keySubject);
    }
  }

  /** The latest answer of every slot the state knows, opened, in random order (so re-sealing order says nothing either). */
  private async openAnswers(streamId: string, tenantId: string, state: RoundState): Promise<SealedAnswerPayload[] | Rejection> {
    const events = (await this.tenantStreams.read(streamId, tenantId)) ?? [];
    const latest = new Map<string, SealedValue>();
    for (const event of events) {
      if (event.type !== 'AnswerRecorded') continue;
      const data = event.data as AnswerRecorded['data'];
      // A slot taken after the state was loaded belongs to the next attempt's decision.
      if (state.slots.has(data.slot)) latest.set(data.slot, data.sealed);
    }
    const payloads: SealedAnswerPayload[] = [];
    for (const sealed of seededShuffle([...latest.values()], randomSeed())) {
      const payload = isSealed(sealed) ? await this.vault.open(sealed) : null;
      if (payload === null || isErased(payload)) {
        return reject('precondition', 'ROUND.KEY_ERASED', 'The round key is gone, so its answers can no longer be opened; the round cannot be scored.', { field: 'roundId' });
      }
      const { answers, comment } = payload as SealedAnswerPayload;
      payloads.push({ answers, comment: comment ?? null });
    }
    return payloads;
  }
}
