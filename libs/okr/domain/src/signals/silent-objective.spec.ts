import { describe, expect, it } from '@jest/globals';
import type { KeyResultGraded, ObjectiveEvent, ObjectiveGraded } from '../objective/objective.events';
import type { ObjectiveOwner } from '../objective/objective.model';
import { addKr, checkIn, DAY, define, history, increase, lazy, on, runningSteps, TEAM } from '../objective/objective.fixtures';
import type { Recorded } from './okr.signals';
import { ambitionTooLowSignals, committedMissedSignals, silentObjectiveSignals } from './okr.signals';

/** The edges of the signals: objectives that are graded, never committed or read without their definition; the cadence boundary; messages. */
let seq = 0;
const recorded = (event: ObjectiveEvent): Recorded<ObjectiveEvent> => ({ ...event, eventId: `e-${++seq}`, streamId: `okr-objective-${event.data.objectiveId}` });
const as = (objectiveId: string, events: readonly ObjectiveEvent[]): ObjectiveEvent[] => events.map((e) => ({ ...e, data: { ...e.data, objectiveId } }) as ObjectiveEvent);
const weekly = () => 7;
const graded = (objectiveId = 'obj-1'): ObjectiveGraded => ({
  type: 'ObjectiveGraded',
  data: {
    objectiveId,
    cycleId: 'cycle-q1',
    cycleEndsOn: '2026-04-10',
    owner: { kind: 'team', id: TEAM },
    commitment: 'committed',
    score: 0.7,
    band: 'medium' as ObjectiveGraded['data']['band'],
    achieved: false,
    movedKeyResultIds: [],
    gradedBy: 'u',
    gradedAt: DAY(20).toISOString(),
  },
});

describe('objectives without a check-in for longer than the cadence: which ones count', () => {
  const checkedInOnDay10 = lazy(() => history(...runningSteps(), [checkIn('c-1', 'kr-1', 45), on(10)]));

  it('is silent exactly one cadence after the last check-in, and signals a moment later', () => {
    const events = checkedInOnDay10().map(recorded);
    expect(silentObjectiveSignals(events, weekly, DAY(17))).toEqual([]);
    expect(silentObjectiveSignals(events, weekly, new Date(DAY(17).getTime() + 1))).toMatchObject([{ objectiveId: 'obj-1', daysSilent: 7 }]);
  });

  it('leaves a graded objective alone, however long it has been quiet', () => {
    const events = [...checkedInOnDay10(), graded()].map(recorded);
    expect(silentObjectiveSignals(events, weekly, DAY(60))).toEqual([]);
  });

  it('leaves alone an objective never committed, and one whose definition it was not given', () => {
    const uncommitted = history(define(), addKr('kr-1', increase)).map(recorded);
    expect(silentObjectiveSignals(uncommitted, weekly, DAY(60))).toEqual([]);
    const withoutDefinition = checkedInOnDay10().filter((e) => e.type !== 'ObjectiveDefined').map(recorded);
    expect(silentObjectiveSignals(withoutDefinition, weekly, DAY(60))).toEqual([]);
  });

  it('reads each objective apart, asking the cadence of its owner', () => {
    const quiet = as('obj-2', history(...runningSteps()));
    const events = [...checkedInOnDay10(), ...quiet, graded('obj-3')].map(recorded);
    const asked: ObjectiveOwner[] = [];
    const signals = silentObjectiveSignals(
      events,
      (owner) => {
        asked.push(owner);
        return 9;
      },
      DAY(15),
    );
    expect(signals).toEqual([
      {
        kind: 'no-recent-check-in',
        owner: { kind: 'team', id: TEAM },
        objectiveId: 'obj-2',
        cadenceDays: 9,
        daysSilent: 15,
        message: expect.stringContaining('15'),
        triggeredBy: [{ eventId: events.find((e) => e.data.objectiveId === 'obj-2' && e.type === 'ObjectiveCommittedToCycle')!.eventId, streamId: 'okr-objective-obj-2', type: 'ObjectiveCommittedToCycle' }],
      },
    ]);
    expect(asked).toEqual([
      { kind: 'team', id: TEAM },
      { kind: 'team', id: TEAM },
    ]);
  });

  it('names the last of several check-ins', () => {
    const events = history(...runningSteps(), [checkIn('c-1', 'kr-1', 45), on(3)], [checkIn('c-2', 'kr-2', 18), on(8)]).map(recorded);
    const [signal] = silentObjectiveSignals(events, weekly, DAY(20));
    expect(signal).toMatchObject({ daysSilent: 12, triggeredBy: [{ eventId: events.at(-1)!.eventId, type: 'KeyResultCheckedIn' }] });
    expect(signal!.message.trim()).not.toBe('');
  });
});

describe('every signal says what it saw', () => {
  const kr = (cycleId: string, cycleEndsOn: string, score: number, commitment: 'committed' | 'aspirational'): Recorded<KeyResultGraded> => ({
    type: 'KeyResultGraded',
    data: {
      objectiveId: `obj-${cycleId}`,
      cycleId,
      cycleEndsOn,
      owner: { kind: 'team', id: TEAM },
      commitment,
      keyResultId: 'kr-1',
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
    eventId: `e-${++seq}`,
    streamId: `okr-objective-obj-${cycleId}`,
  });

  it('a streak of easy aspirational key results gives its length in its message', () => {
    const [signal] = ambitionTooLowSignals([kr('q1', '2026-03-31', 0.9, 'aspirational'), kr('q2', '2026-06-30', 1, 'aspirational'), kr('q3', '2026-09-30', 0.95, 'aspirational')]);
    expect(signal).toMatchObject({ cycleIds: ['q1', 'q2', 'q3'], message: expect.stringContaining('3') });
  });

  it('a committed key result that missed gives its score in its message; one at exactly 1.0 is no signal', () => {
    expect(committedMissedSignals([kr('q1', '2026-03-31', 1, 'committed')])).toEqual([]);
    const [signal] = committedMissedSignals([kr('q1', '2026-03-31', 0.65, 'committed')]);
    expect(signal).toMatchObject({ kind: 'committed-missed', score: 0.65, message: expect.stringContaining('0.65') });
  });
});
