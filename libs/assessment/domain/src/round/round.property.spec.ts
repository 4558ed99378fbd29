import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRejection, type CommandContext } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { MIN_ANONYMITY_THRESHOLD } from '../shared/assessment.constants';
import type { RoundCommand } from './round.commands';
import { roundDecider } from './round.decider';
import type { RoundEvent } from './round.events';
import { ANSWER_BOX, COACH, INSTRUMENTS, NOW, ROUND, sealed, sheet, slotKey, slotOf, TEAM, TENANT } from './round.fixtures';
import { commentSubject, roundKeySubject } from './round.model';
import { roundProgress, roundResults } from './round.queries';
import type { RoundState } from './round.state';

/**
 * Random rounds through the real decider: a group of 3 to 9, any threshold asked for, and
 * participations, answers (also replaced ones), threshold changes, new respondents and the
 * close in any order. Whatever happens, a round never shows anything below its threshold.
 */
const PEOPLE = Array.from({ length: 12 }, (_, i) => `user-${i}`);

type Step =
  | { readonly kind: 'participate'; readonly who: number }
  | { readonly kind: 'answer'; readonly slot: number; readonly safety: number; readonly standards: number }
  | { readonly kind: 'threshold'; readonly threshold: number }
  | { readonly kind: 'add'; readonly who: number }
  | { readonly kind: 'close'; readonly comments: number };

const who = fc.nat(9);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: who.map((w): Step => ({ kind: 'participate', who: w })) },
  { weight: 4, arbitrary: fc.record({ slot: fc.nat(9), safety: fc.integer({ min: 1, max: 7 }), standards: fc.integer({ min: 1, max: 7 }) }).map((a): Step => ({ kind: 'answer', ...a })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }).map((threshold): Step => ({ kind: 'threshold', threshold })) },
  { weight: 1, arbitrary: who.map((w): Step => ({ kind: 'add', who: w })) },
);
const round = fc.record({ groupSize: fc.integer({ min: 3, max: 9 }), threshold: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant(3) }, fc.integer({ min: 1, max: 9 })), steps: fc.array(step, { maxLength: 60, size: 'medium' }), comments: fc.nat(9) }).map(
  // Closed at the end, and sometimes again (a second close is refused: the round is closed).
  ({ steps, comments, ...rest }) => ({ ...rest, steps: [...steps, { kind: 'close', comments } as Step, { kind: 'close', comments: 0 } as Step] }),
);

const by = (id: string, kind: 'user' | 'service' = 'user', reason?: string): CommandContext =>
  testContext({ actor: { id, kind }, now: NOW, ...(reason === undefined ? {} : { reason }) });

describe('round decider under random sequences', () => {
  it('never shows a count, a result or a comment from fewer answers than the threshold, and never lowers the threshold once anyone answered', () => {
    const reached = { closedWithResults: 0, closedBelow: 0, progressShown: 0, commentsPublished: 0, thresholdRaised: 0 };
    fc.assert(
      fc.property(round, ({ groupSize, threshold, steps }) => {
        let state: RoundState = roundDecider.initialState;
        const sheets = new Map<string, unknown>();
        const apply = (command: RoundCommand, context: CommandContext): readonly RoundEvent[] => {
          const decision = roundDecider.decide(command, state, context);
          const events = isRejection(decision) ? [] : decision;
          const before = state;
          state = events.reduce(roundDecider.evolve, state);
          // The threshold only rises once someone was counted or answered.
          if (before.counted.size > 0 || before.slots.size > 0) expect(state.anonymityThreshold).toBeGreaterThanOrEqual(before.anonymityThreshold);
          if (state.exists) expect(state.anonymityThreshold).toBeGreaterThanOrEqual(MIN_ANONYMITY_THRESHOLD);
          if (state.anonymityThreshold > before.anonymityThreshold && before.exists) reached.thresholdRaised++;
          return events;
        };

        apply(
          { type: 'OpenRound', data: { roundId: ROUND, teamId: TEAM, instruments: INSTRUMENTS, respondentIds: PEOPLE.slice(0, groupSize), ...(threshold === undefined ? {} : { anonymityThreshold: threshold }), slotKey } },
          by(COACH),
        );
        for (const s of steps) {
          if (s.kind === 'participate') apply({ type: 'RecordParticipation', data: { roundId: ROUND, respondentId: PEOPLE[s.who]! } }, by(PEOPLE[s.who]!));
          if (s.kind === 'add') apply({ type: 'AddRespondents', data: { roundId: ROUND, memberIds: [PEOPLE[s.who]!] } }, by(COACH, 'user', 'joined the team'));
          if (s.kind === 'threshold') apply({ type: 'ChangeAnonymityThreshold', data: { roundId: ROUND, threshold: s.threshold } }, by(COACH, 'user', 'works council asked'));
          if (s.kind === 'answer') {
            const answers = sheet(s.safety, s.standards);
            const events = apply({ type: 'RecordAnswer', data: { roundId: ROUND, slot: slotOf(s.slot), answers, sealed: sealed(roundKeySubject(TENANT, ROUND), `a-${s.slot}`) } }, by(ANSWER_BOX, 'service'));
            if (events.length > 0) sheets.set(slotOf(s.slot), answers);
          }
          if (s.kind === 'close') {
            const comments = Array.from({ length: Math.min(s.comments, sheets.size) }, (_, i) => sealed(commentSubject(`c-${i}`)));
            const [closed] = apply(
              { type: 'CloseRound', data: { roundId: ROUND, sheets: [...sheets.values()], comments, shuffleSeed: 7, previousZone: null, zoneThresholds: DEFAULT_ZONE_THRESHOLDS } },
              by(COACH),
            );
            if (closed?.type === 'RoundClosed') {
              if (closed.data.outcome === 'results') {
                reached.closedWithResults++;
                expect(sheets.size).toBeGreaterThanOrEqual(state.anonymityThreshold);
                for (const result of closed.data.results!) expect(result.n).toBeGreaterThanOrEqual(state.anonymityThreshold);
              } else {
                reached.closedBelow++;
                expect(sheets.size).toBeLessThan(state.anonymityThreshold);
                expect(closed.data).toMatchObject({ results: null, zone: null, comments: [] });
              }
              if (closed.data.comments.length > 0) {
                reached.commentsPublished++;
                expect(closed.data.comments.length).toBeGreaterThanOrEqual(state.anonymityThreshold);
              }
            }
          }
          // What the read side shows, after every step.
          const progress = roundProgress(state);
          if (progress.kind === 'answered') {
            reached.progressShown++;
            expect(progress.n).toBeGreaterThanOrEqual(state.anonymityThreshold);
          }
          const results = roundResults(state);
          if (results.kind === 'results') for (const result of results.results) expect(result.n).toBeGreaterThanOrEqual(state.anonymityThreshold);
        }
      }),
      { numRuns: 200 },
    );
    expect(reached.closedWithResults).toBeGreaterThan(10);
    expect(reached.closedBelow).toBeGreaterThan(10);
    expect(reached.progressShown).toBeGreaterThan(10);
    expect(reached.commentsPublished).toBeGreaterThan(3);
    expect(reached.thresholdRaised).toBeGreaterThan(5);
  }, 60_000);
});
