import { describe, expect, it } from '@jest/globals';
import type { KeyResultGraded, ObjectiveEvent } from '../objective/objective.events';
import { checkIn, DAY, history, lazy, on, runningSteps, TEAM } from '../objective/objective.fixtures';
import type { Recorded } from './okr.signals';
import { ambitionTooLowSignals, committedMissedSignals, silentObjectiveSignals } from './okr.signals';

let seq = 0;
const recorded = <E extends ObjectiveEvent>(event: E, streamId = 'okr-objective-obj-1'): Recorded<E> => ({ ...event, eventId: `e-${++seq}`, streamId });
const gradedKr = (cycleId: string, cycleEndsOn: string, keyResultId: string, score: number, commitment: 'committed' | 'aspirational' = 'aspirational', teamId = TEAM): Recorded<KeyResultGraded> =>
  recorded({
    type: 'KeyResultGraded',
    data: {
      objectiveId: `obj-${cycleId}`,
      cycleId,
      cycleEndsOn,
      owner: { kind: 'team', id: teamId },
      commitment,
      keyResultId,
      finalValue: 1,
      computedScore: score,
      score,
      override: null,
      goalpostMoved: false,
      scoreAgainstOriginal: score,
      weight: 1,
      gradedBy: 'u',
      gradedAt: `${cycleEndsOn}T12:00:00.000Z`,
    },
  });

describe('ambition too low: aspirational key results at ≥ 0.9 cycle after cycle', () => {
  it('signals two cycles in a row, with the graded events that triggered it', () => {
    const q1 = [gradedKr('q1', '2026-03-31', 'kr-1', 1), gradedKr('q1', '2026-03-31', 'kr-2', 0.9)];
    const q2 = [gradedKr('q2', '2026-06-30', 'kr-1', 0.9)];
    const [signal, ...rest] = ambitionTooLowSignals([...q2, ...q1]);
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ kind: 'ambition-too-low', owner: { kind: 'team', id: TEAM }, cycleIds: ['q1', 'q2'] });
    expect(signal!.triggeredBy.map((r) => r.eventId)).toEqual([...q1, ...q2].map((e) => e.eventId));
  });

  it('stays quiet after one cycle, when one key result ended at 0.8, or when the latest cycle broke the streak', () => {
    expect(ambitionTooLowSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1)])).toEqual([]);
    expect(ambitionTooLowSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1), gradedKr('q2', '2026-06-30', 'kr-1', 1), gradedKr('q2', '2026-06-30', 'kr-2', 0.8)])).toEqual([]);
    expect(ambitionTooLowSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1), gradedKr('q2', '2026-06-30', 'kr-1', 1), gradedKr('q3', '2026-09-30', 'kr-1', 0.6)])).toEqual([]);
  });

  it('reads aspirational key results only, per owner', () => {
    expect(ambitionTooLowSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1, 'committed'), gradedKr('q2', '2026-06-30', 'kr-1', 1, 'committed')])).toEqual([]);
    expect(ambitionTooLowSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1, 'aspirational', 'team-b'), gradedKr('q2', '2026-06-30', 'kr-1', 1)])).toEqual([]);
  });
});

describe('committed key results that miss', () => {
  it('signals each one below 1.0, with its graded event', () => {
    const missed = gradedKr('q1', '2026-03-31', 'kr-2', 0.9, 'committed');
    const signals = committedMissedSignals([gradedKr('q1', '2026-03-31', 'kr-1', 1, 'committed'), missed, gradedKr('q1', '2026-03-31', 'kr-3', 0.2)]);
    expect(signals).toEqual([expect.objectContaining({ kind: 'committed-missed', keyResultId: 'kr-2', score: 0.9, triggeredBy: [{ eventId: missed.eventId, streamId: missed.streamId, type: 'KeyResultGraded' }] })]);
  });
});

describe('objectives without a check-in for longer than the cadence', () => {
  const events = lazy(() => history(...runningSteps(), [checkIn('c-1', 'kr-1', 45), on(10)]).map((e) => recorded(e)));
  const weekly = () => 7;

  it('signals once the last check-in is more than a cadence old, naming that check-in', () => {
    expect(silentObjectiveSignals(events(), weekly, DAY(17))).toEqual([]);
    const [signal] = silentObjectiveSignals(events(), weekly, DAY(20));
    expect(signal).toMatchObject({ kind: 'no-recent-check-in', objectiveId: 'obj-1', cadenceDays: 7, daysSilent: 10 });
    expect(signal!.triggeredBy).toEqual([{ eventId: events().at(-1)!.eventId, streamId: 'okr-objective-obj-1', type: 'KeyResultCheckedIn' }]);
  });

  it('counts from the commitment when nobody checked in, and uses the owner cadence', () => {
    const quiet = history(...runningSteps()).map((e) => recorded(e));
    const [signal] = silentObjectiveSignals(quiet, () => 14, DAY(15));
    expect(signal).toMatchObject({ cadenceDays: 14, daysSilent: 15, triggeredBy: [{ type: 'ObjectiveCommittedToCycle' }] });
  });
});
