import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { roundDecider } from './round.decider';
import { as, COACH, counted, INSTRUMENTS, MEMBERS, NOW, ROUND, roundOpened, sealed, slotKey, TEAM, withAnswers } from './round.fixtures';
import { roundKeySubject } from './round.model';

const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const open = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'OpenRound', data: { roundId: ROUND, teamId: TEAM, instruments: INSTRUMENTS, respondentIds: MEMBERS, slotKey, ...overrides } }) as const;

describe('opening a round', () => {
  it('freezes the group and the default threshold of 5', () => {
    spec
      .given([])
      .when(open({ closesAt: '2026-01-29T17:00:00Z', previousRoundId: 'r-0' }), as(COACH))
      .then([
        roundOpened({ respondentIds: MEMBERS, anonymityThreshold: 5, closesAt: '2026-01-29T17:00:00.000Z', previousRoundId: 'r-0', openedAt: now }),
      ]);
  });

  it('takes the tenant’s threshold, never below 3', () => {
    spec.given([]).when(open({ anonymityThreshold: 3 }), as(COACH)).then([roundOpened({ anonymityThreshold: 3, openedAt: now })]);
    spec.given([]).when(open({ anonymityThreshold: 2 })).thenRejects('ROUND.THRESHOLD_TOO_LOW', { field: 'anonymityThreshold', category: 'invalid' });
    spec.given([]).when(open({ anonymityThreshold: 4.5 })).thenRejects('ROUND.THRESHOLD_INVALID', { field: 'anonymityThreshold' });
  });

  it('refuses a group smaller than the threshold, and accepts one exactly at it', () => {
    spec.given([]).when(open({ respondentIds: MEMBERS.slice(0, 4) })).thenRejects('ROUND.GROUP_BELOW_THRESHOLD', { field: 'respondentIds', category: 'precondition' });
    spec.given([]).when(open({ respondentIds: MEMBERS.slice(0, 5) }), as(COACH)).then([roundOpened({ respondentIds: MEMBERS.slice(0, 5), openedAt: now })]);
    // duplicates count once
    spec.given([]).when(open({ respondentIds: [...MEMBERS.slice(0, 4), MEMBERS[0]] })).thenRejects('ROUND.GROUP_BELOW_THRESHOLD');
  });

  it('refuses bad input, naming the field', () => {
    spec.given([]).when(open({ respondentIds: [] })).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'respondentIds' });
    spec.given([]).when(open({ respondentIds: [...MEMBERS, ' x'] })).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'respondentIds[6]' });
    spec.given([]).when(open({ instruments: [] })).thenRejects('ROUND.INSTRUMENTS_INVALID', { field: 'instruments' });
    spec.given([]).when(open({ instruments: [INSTRUMENTS[0], INSTRUMENTS[0]] })).thenRejects('ROUND.INSTRUMENT_TWICE', { field: 'instruments[1]' });
    const clash = { ...ABI_TRUSTWORTHINESS_V1, instrumentId: 'copy', items: [{ ...ABI_TRUSTWORTHINESS_V1.items[0]!, itemId: 'ps-1' }] };
    spec.given([]).when(open({ instruments: [...INSTRUMENTS, clash] })).thenRejects('ROUND.ITEM_IDS_CLASH', { field: 'instruments[2]' });
    spec.given([]).when(open({ closesAt: '2026-01-15T09:00:00Z' })).thenRejects('ROUND.CLOSES_AT_INVALID', { field: 'closesAt' });
    spec.given([]).when(open({ closesAt: 'next week' })).thenRejects('ROUND.CLOSES_AT_INVALID', { field: 'closesAt' });
    spec.given([]).when(open({ teamId: '' })).thenRejects('ROUND.TEAM_INVALID', { field: 'teamId' });
    spec.given([roundOpened()]).when(open()).thenRejects('ROUND.ALREADY_EXISTS', { category: 'conflict' });
  });

  it('wants the slot key sealed under the round’s own subject', () => {
    spec.given([]).when(open({ slotKey: sealed('user-anna') })).thenRejects('ROUND.SLOT_KEY_INVALID', { field: 'slotKey' });
    spec.given([]).when(open({ slotKey: 'plain-secret' })).thenRejects('ROUND.SLOT_KEY_INVALID', { field: 'slotKey' });
    // Round ids are unique per tenant only: another tenant's round subject, or the legacy bare one, is not this round's.
    spec.given([]).when(open({ slotKey: sealed(roundKeySubject('tenant-other', ROUND)) })).thenRejects('ROUND.SLOT_KEY_INVALID', { field: 'slotKey' });
    spec.given([]).when(open({ slotKey: sealed(`assessment-round-${ROUND}`) })).thenRejects('ROUND.SLOT_KEY_INVALID', { field: 'slotKey' });
  });
});

describe('changing the threshold', () => {
  const change = (threshold: unknown) => ({ type: 'ChangeAnonymityThreshold', data: { roundId: ROUND, threshold } }) as never;
  const changed = (previousThreshold: number, threshold: number) => ({
    type: 'AnonymityThresholdChanged' as const,
    data: { roundId: ROUND, previousThreshold, threshold, changedBy: COACH, changedAt: now, reason: 'asked by the team' },
  });

  it('is an event with a reason', () => {
    spec.given([roundOpened()]).when(change(6), as(COACH, { reason: 'asked by the team' })).then([changed(5, 6)]);
    spec.given([roundOpened()]).when(change(6), as(COACH)).thenRejects('ROUND.REASON_REQUIRED', { field: 'reason' });
    spec.given([roundOpened()]).when(change(5), as(COACH)).thenNothingHappens();
  });

  it('may go down to 3 while nobody has answered', () => {
    spec.given([roundOpened()]).when(change(3), as(COACH, { reason: 'asked by the team' })).then([changed(5, 3)]);
    spec.given([roundOpened()]).when(change(2), as(COACH, { reason: 'x' })).thenRejects('ROUND.THRESHOLD_TOO_LOW', { field: 'threshold' });
  });

  it('can never be lowered once answers exist, but can be raised', () => {
    spec.given([roundOpened(), counted(MEMBERS[0]!)]).when(change(4), as(COACH, { reason: 'x' })).thenRejects('ROUND.THRESHOLD_LOCKED', { field: 'threshold', category: 'forbidden' });
    spec.given(withAnswers(2)).when(change(4), as(COACH, { reason: 'x' })).thenRejects('ROUND.THRESHOLD_LOCKED');
    spec.given(withAnswers(2)).when(change(6), as(COACH, { reason: 'asked by the team' })).then([changed(5, 6)]);
  });

  it('cannot rise above the group', () => {
    spec.given([roundOpened()]).when(change(7), as(COACH, { reason: 'x' })).thenRejects('ROUND.GROUP_BELOW_THRESHOLD', { field: 'threshold' });
  });
});

describe('adding respondents', () => {
  it('adds new members with a reason and ignores those already in', () => {
    spec
      .given([roundOpened()])
      .when({ type: 'AddRespondents', data: { roundId: ROUND, memberIds: [MEMBERS[0]!, 'user-gus'] } }, as(COACH, { reason: 'joined the team' }))
      .then([{ type: 'RespondentsAdded', data: { roundId: ROUND, memberIds: ['user-gus'], addedBy: COACH, addedAt: now, reason: 'joined the team' } }]);
    spec.given([roundOpened()]).when({ type: 'AddRespondents', data: { roundId: ROUND, memberIds: [MEMBERS[0]!] } }, as(COACH)).thenNothingHappens();
    spec.given([roundOpened()]).when({ type: 'AddRespondents', data: { roundId: ROUND, memberIds: ['user-gus'] } }, as(COACH)).thenRejects('ROUND.REASON_REQUIRED');
    spec.given([]).when({ type: 'AddRespondents', data: { roundId: ROUND, memberIds: ['user-gus'] } }).thenRejects('ROUND.NOT_FOUND', { category: 'not-found' });
  });
});
