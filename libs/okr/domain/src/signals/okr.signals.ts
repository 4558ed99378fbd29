import { MS_PER_DAY, wholeDaysBetween } from '@leerzone/kernel';
import type { KeyResultCheckedIn, KeyResultGraded, ObjectiveCommittedToCycle, ObjectiveDefined, ObjectiveEvent, ObjectiveGraded } from '../objective/objective.events';
import type { ObjectiveOwner } from '../objective/objective.model';
import { COMMITTED_EXPECTED_SCORE } from '../objective/scoring';

/**
 * The honest signals, as pure functions over recorded events. Each signal names the
 * events that triggered it, so a reader can always go back to the facts. `Recorded` is
 * the part of a stored envelope the signals need: pass `StoredEvent`s as they are.
 */
export type Recorded<E extends { readonly type: string }> = E & { readonly eventId: string; readonly streamId: string };
export interface EventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
}
const ref = (e: Recorded<{ readonly type: string }>): EventRef => ({ eventId: e.eventId, streamId: e.streamId, type: e.type });

/** Aspirational key results that all end at or above this, cycle after cycle, were not ambitious. */
export const SANDBAGGING_SCORE = 0.9;
export const SANDBAGGING_CONSECUTIVE_CYCLES = 2;

export interface AmbitionTooLowSignal {
  readonly kind: 'ambition-too-low';
  readonly owner: ObjectiveOwner;
  readonly cycleIds: readonly string[];
  readonly message: string;
  readonly triggeredBy: readonly EventRef[];
}

/**
 * "Always 1.0 means not ambitious enough": an owner whose aspirational key results all
 * ended at ≥ 0.9 in each of its last SANDBAGGING_CONSECUTIVE_CYCLES (or more) graded
 * cycles with aspirational key results. Fear makes people set easy goals — so this asks
 * about safety, it does not grade the team.
 */
export function ambitionTooLowSignals(graded: readonly Recorded<KeyResultGraded>[]): readonly AmbitionTooLowSignal[] {
  const byOwner = new Map<string, Map<string, Recorded<KeyResultGraded>[]>>();
  for (const e of graded) {
    if (e.data.commitment !== 'aspirational') continue;
    const ownerKey = `${e.data.owner.kind}:${e.data.owner.id}`;
    const cycles = byOwner.get(ownerKey) ?? new Map<string, Recorded<KeyResultGraded>[]>();
    cycles.set(e.data.cycleId, [...(cycles.get(e.data.cycleId) ?? []), e]);
    byOwner.set(ownerKey, cycles);
  }
  const signals: AmbitionTooLowSignal[] = [];
  for (const cycles of byOwner.values()) {
    const newestFirst = [...cycles.values()].sort((a, b) => b[0]!.data.cycleEndsOn.localeCompare(a[0]!.data.cycleEndsOn));
    const streak: Recorded<KeyResultGraded>[][] = [];
    for (const events of newestFirst) {
      if (!events.every((e) => e.data.score >= SANDBAGGING_SCORE)) break;
      streak.push(events);
    }
    if (streak.length < SANDBAGGING_CONSECUTIVE_CYCLES) continue;
    const cycleIds = streak.map((events) => events[0]!.data.cycleId).reverse();
    signals.push({
      kind: 'ambition-too-low',
      owner: streak[0]![0]!.data.owner,
      cycleIds,
      message: `Every aspirational key result ended at ${SANDBAGGING_SCORE} or above in ${streak.length} cycles in a row: the goals may be too safe. Is it safe to aim higher and miss?`,
      triggeredBy: streak.reverse().flat().map(ref),
    });
  }
  return signals;
}

export interface CommittedMissedSignal {
  readonly kind: 'committed-missed';
  readonly owner: ObjectiveOwner;
  readonly objectiveId: string;
  readonly keyResultId: string;
  readonly cycleId: string;
  readonly score: number;
  readonly message: string;
  readonly triggeredBy: readonly EventRef[];
}

/** Committed key results are expected at 1.0: each one below it is a question about blockers. */
export function committedMissedSignals(graded: readonly Recorded<KeyResultGraded>[]): readonly CommittedMissedSignal[] {
  return graded
    .filter((e) => e.data.commitment === 'committed' && e.data.score < COMMITTED_EXPECTED_SCORE)
    .map((e) => ({
      kind: 'committed-missed',
      owner: e.data.owner,
      objectiveId: e.data.objectiveId,
      keyResultId: e.data.keyResultId,
      cycleId: e.data.cycleId,
      score: e.data.score,
      message: `A committed key result ended at ${e.data.score} of the ${COMMITTED_EXPECTED_SCORE} it was expected to reach: what stood in the way?`,
      triggeredBy: [ref(e)],
    }));
}

export interface SilentObjectiveSignal {
  readonly kind: 'no-recent-check-in';
  readonly owner: ObjectiveOwner;
  readonly objectiveId: string;
  readonly cadenceDays: number;
  readonly daysSilent: number;
  readonly message: string;
  readonly triggeredBy: readonly EventRef[];
}

type Tracked = Recorded<ObjectiveDefined | ObjectiveCommittedToCycle | KeyResultCheckedIn | ObjectiveGraded>;

/**
 * Committed, ungraded objectives with no check-in for longer than their owner's cadence.
 * `objectiveEvents`: the objective streams of a running cycle; `cadenceDaysFor`: the
 * owning team's cadence (the service reads it from the team streams; units use the default).
 * The triggering event is the last check-in, or the commitment when there was none.
 */
export function silentObjectiveSignals(
  objectiveEvents: readonly Recorded<ObjectiveEvent>[],
  cadenceDaysFor: (owner: ObjectiveOwner) => number,
  now: Date,
): readonly SilentObjectiveSignal[] {
  const byObjective = new Map<string, Tracked[]>();
  for (const e of objectiveEvents) {
    if (e.type === 'ObjectiveDefined' || e.type === 'ObjectiveCommittedToCycle' || e.type === 'KeyResultCheckedIn' || e.type === 'ObjectiveGraded') {
      byObjective.set(e.data.objectiveId, [...(byObjective.get(e.data.objectiveId) ?? []), e as Tracked]);
    }
  }
  const signals: SilentObjectiveSignal[] = [];
  for (const [objectiveId, events] of byObjective) {
    const defined = events.find((e): e is Recorded<ObjectiveDefined> => e.type === 'ObjectiveDefined');
    const committed = events.find((e): e is Recorded<ObjectiveCommittedToCycle> => e.type === 'ObjectiveCommittedToCycle');
    if (!defined || !committed || events.some((e) => e.type === 'ObjectiveGraded')) continue;
    const checkIns = events.filter((e): e is Recorded<KeyResultCheckedIn> => e.type === 'KeyResultCheckedIn');
    const last = checkIns.at(-1) ?? committed;
    const lastAt = new Date(last.type === 'KeyResultCheckedIn' ? last.data.checkedInAt : last.data.committedAt);
    const cadenceDays = cadenceDaysFor(defined.data.owner);
    if (now.getTime() - lastAt.getTime() <= cadenceDays * MS_PER_DAY) continue;
    const daysSilent = wholeDaysBetween(lastAt, now);
    signals.push({
      kind: 'no-recent-check-in',
      owner: defined.data.owner,
      objectiveId,
      cadenceDays,
      daysSilent,
      message: `No check-in for ${daysSilent} days, longer than the cadence of ${cadenceDays}: is the objective still alive, or is something in the way?`,
      triggeredBy: [ref(last)],
    });
  }
  return signals;
}
