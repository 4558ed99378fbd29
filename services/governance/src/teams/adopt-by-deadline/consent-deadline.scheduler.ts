import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { reject, type EventStore, type Rejection } from '@leerzone/kernel';
import { CLOCK, EVENT_STORE, NEW_ID, ProblemException, ProjectionsHost } from '@leerzone/nest-platform';
import { teamDecider, teamStreamId, type TeamCommand } from '@leerzone/governance-domain';
import { ServiceCommands } from '@leerzone/service-kit';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { PROPOSALS_PROJECTION, type ProposalDocument } from '../read-model/proposals.projection';

export const GOVERNANCE_SCHEDULER_ACTOR = { id: 'governance-scheduler', kind: 'service' } as const;
const DEFAULT_INTERVAL_MS = 15_000;
const BATCH = 100;

export interface DeadlinePass {
  /** Proposals past their deadline that this pass found open. */
  readonly due: number;
  /** Of those, how many this pass moved on (adopted, escalated or lapsed). */
  readonly decided: number;
  /** Refused by the decider: another tick (or process) got there first. Nothing was written for them. */
  readonly alreadyDecided: number;
}

/**
 * Consent with a deadline: proposals still open after closesAt are adopted (no objection),
 * escalated (an objection) or lapsed (no longer fits the unit) by AdoptBoundaryChangeByDeadline,
 * as the governance scheduler. What is due comes from the proposals read model, caught up
 * to the store's head first, never from memory: a restarted process finds the same proposals.
 * Nothing here prevents two ticks (or two processes) from trying the same proposal; the
 * decider does — an adopted proposal is no longer open, so the second attempt is refused
 * (PROPOSAL.NOT_OPEN) and writes nothing. GOVERNANCE_SCHEDULER_INTERVAL_MS sets the period
 * (default 15 s); 0 turns the timer off, for tests that drive the clock themselves.
 */
@Injectable()
export class ConsentDeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConsentDeadlineScheduler');
  private timer: NodeJS.Timeout | undefined;
  private readonly passes = new Set<Promise<DeadlinePass>>();

  constructor(
    private readonly commands: ServiceCommands,
    private readonly frames: UnitFrames,
    private readonly projections: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  onApplicationBootstrap(): void {
    const configured = Number(process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] ?? DEFAULT_INTERVAL_MS);
    const interval = Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_INTERVAL_MS;
    if (interval === 0) return;
    this.timer = setInterval(() => void this.adoptDue().catch((error) => this.logger.warn(`Deadline pass failed: ${String(error)}`)), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.passes]);
  }

  /** One pass at `now` over every tenant's open proposals whose deadline has passed. */
  adoptDue(now: Date = this.clock()): Promise<DeadlinePass> {
    const pass = this.pass(now);
    this.passes.add(pass);
    void pass.finally(() => this.passes.delete(pass)).catch(() => undefined);
    return pass;
  }

  private async pass(now: Date): Promise<DeadlinePass> {
    await this.projections.settle(await this.store.headPosition());
    const proposals = this.projections.readModels.collection<ProposalDocument>(PROPOSALS_PROJECTION, 'proposals');
    let due = 0;
    let decided = 0;
    let alreadyDecided = 0;
    let after: string | undefined;
    do {
      const page = await proposals.find({ status: 'open', closesAt: { $lte: now.toISOString() } }, { sort: { closesAt: 1 }, limit: BATCH, ...(after ? { after } : {}) });
      for (const proposal of page.items) {
        due += 1;
        const outcome = await this.decide(proposal, now);
        if (outcome === 'decided') decided += 1;
        if (outcome === 'already') alreadyDecided += 1;
      }
      after = page.next;
    } while (after);
    return { due, decided, alreadyDecided };
  }

  private async decide(proposal: ProposalDocument, now: Date): Promise<'decided' | 'already' | 'failed'> {
    const id = this.newId();
    const ctx = { tenantId: proposal.tenantId, actor: GOVERNANCE_SCHEDULER_ACTOR, correlationId: id, causationId: id, now };
    const { teamId, proposalId } = proposal;
    try {
      await this.commands.run(teamDecider, teamStreamId(proposal.tenantId, teamId), null, ctx, {
        commandType: 'AdoptBoundaryChangeByDeadline',
        lookup: async (state): Promise<TeamCommand | Rejection> => {
          if (!state.exists) return reject('not-found', 'TEAM.NOT_FOUND', `There is no team ${teamId}.`);
          return { type: 'AdoptBoundaryChangeByDeadline', data: { teamId, proposalId, unitBoundaries: await this.frames.forCommand(proposal.tenantId, state.unitId) } };
        },
      });
      return 'decided';
    } catch (error) {
      if (error instanceof ProblemException && error.problem['code'] === 'PROPOSAL.NOT_OPEN') return 'already';
      this.logger.warn(`Proposal ${proposalId} of team ${teamId} could not be decided at its deadline: ${String(error)}`);
      return 'failed';
    }
  }
}
