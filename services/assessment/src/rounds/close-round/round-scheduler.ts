import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, NEW_ID } from '@leerzone/nest-platform';
import { TeamRounds } from '../application/team-rounds';
import { CloseRoundHandler } from './close-round.handler';

export const SCHEDULER_ACTOR = { id: 'assessment-round-scheduler', kind: 'service' } as const;
const INTERVAL_MS = 30_000;

/** Closes rounds whose closesAt has passed (the decider already refuses late answers). */
@Injectable()
export class RoundScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RoundScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly rounds: TeamRounds,
    private readonly handler: CloseRoundHandler,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.closeDue().catch((error) => this.logger.warn(`Closing due rounds failed: ${String(error)}`)), INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass: every round due at `now`, closed as the scheduler. Returns how many closed. */
  closeDue(now: Date = this.clock()): Promise<number> {
    this.running ??= this.pass(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: Date): Promise<number> {
    let closed = 0;
    for (const round of await this.rounds.due(now)) {
      const id = this.newId();
      try {
        await this.handler.close(round.roundId, { tenantId: round.tenantId, actor: SCHEDULER_ACTOR, correlationId: id, causationId: id, now });
        closed += 1;
      } catch (error) {
        this.logger.warn(`Round ${round.roundId} could not be closed: ${String(error)}`);
      }
    }
    return closed;
  }
}
