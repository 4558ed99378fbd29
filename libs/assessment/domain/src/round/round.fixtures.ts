import type { CommandContext, SealedValue } from '@leerzone/kernel';
import { LEERZONE_STANDARDS_V1 } from '../instrument/published/leerzone-standards.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import type { InstrumentAnswer } from './answer-sheet';
import type { RoundEvent } from './round.events';
import { roundKeySubject } from './round.model';

/** Shared given-events for the round specs. Times are fixed: the domain has no clock. */
export const ROUND = 'r-1';
/** The tenant of `testContext()`: round subjects are per tenant. */
export const TENANT = 'tenant-test';
export const TEAM = 'team-a';
export const COACH = 'user-coach';
export const MEMBERS = ['user-anna', 'user-bram', 'user-chen', 'user-dina', 'user-eva', 'user-finn'];
export const T0 = '2026-01-05T09:00:00.000Z';
export const NOW = new Date('2026-01-15T09:00:00.000Z');
export const INSTRUMENTS = [PSYCHOLOGICAL_SAFETY_V1, LEERZONE_STANDARDS_V1];

/** What the vault would return; the domain only looks at the subject. */
export const sealed = (subject: string, data = 'ciphertext'): SealedValue => ({ $sealed: { subject, keyId: `k-${subject}`, alg: 'A256GCM', iv: 'aXY=', data, tag: 'dGFn' } });
export const slotKey = sealed(roundKeySubject(TENANT, ROUND), 'slot-secret');
export const slotOf = (n: number): string => `slot-${String(n).padStart(12, '0')}`;

export const as = (actorId: string, extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({ actor: { id: actorId, kind: 'user' }, now: NOW, ...extra });
export const ANSWER_BOX = 'assessment-answer-box';
export const byAnswerBox: Partial<CommandContext> = { actor: { id: ANSWER_BOX, kind: 'service' }, now: NOW };

export const roundOpened = (overrides: Partial<Extract<RoundEvent, { type: 'RoundOpened' }>['data']> = {}): RoundEvent => ({
  type: 'RoundOpened',
  data: {
    roundId: ROUND,
    teamId: TEAM,
    instruments: INSTRUMENTS,
    respondentIds: MEMBERS,
    anonymityThreshold: 5,
    closesAt: null,
    previousRoundId: null,
    slotKey,
    openedBy: COACH,
    openedAt: T0,
    ...overrides,
  },
});

export const counted = (respondentId: string): RoundEvent => ({ type: 'RespondentCounted', data: { roundId: ROUND, respondentId, countedAt: T0 } });
export const answered = (n: number, replacesEarlier = false): RoundEvent => ({
  type: 'AnswerRecorded',
  data: { roundId: ROUND, slot: slotOf(n), sealed: sealed(roundKeySubject(TENANT, ROUND), `answer-${n}`), replacesEarlier },
});

/** n members counted and answered. */
export const withAnswers = (n: number): RoundEvent[] => [roundOpened(), ...MEMBERS.slice(0, n).flatMap((m, i) => [counted(m), answered(i)])];

/**
 * A uniform answer: every item scores `score` after reverse-scoring (reverse items get
 * A + 1 − score), so the respondent's every dimension and total is exactly `score`.
 */
export const uniformAnswer = (definition: (typeof INSTRUMENTS)[number], score: number): InstrumentAnswer => ({
  instrumentId: definition.instrumentId,
  version: definition.version,
  responses: definition.items.map((item) => ({ itemId: item.itemId, value: item.reverse ? definition.scale.points + 1 - score : score })),
});
export const sheet = (safety: number, standards: number) => [uniformAnswer(INSTRUMENTS[0]!, safety), uniformAnswer(INSTRUMENTS[1]!, standards)];
