import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { ReviewSubject, TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, COACH, financial, levelChanged, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const today = '2026-01-15';
const principle: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say it when we are stuck', value: 'openness', adoptedBy: ANNA, adoptedAt: T0 } };
const given = [...staffedTeam, boundarySet(financial('t-budget', 2500)), levelChanged('planning', 5), principle];
const budget: ReviewSubject = { kind: 'boundary', id: 't-budget' };
const pr1: ReviewSubject = { kind: 'principle', id: 'pr-1' };
const planning: ReviewSubject = { kind: 'delegation', id: 'planning' };
const setReview = (subject: ReviewSubject, reviewBy?: string | null) => ({ type: 'SetReviewDate', data: { teamId: TEAM, subject, reviewBy } }) as never;
const review = (subject: ReviewSubject, outcome: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'ReviewAgreement', data: { teamId: TEAM, subject, outcome, unitBoundaries: unitFrame, ...extra } }) as never;
const dateSet = (subject: ReviewSubject, previousReviewBy: string | null, reviewBy: string | null, setAt = now, reason = 'looked at it'): TeamEvent => ({
  type: 'ReviewDateSet',
  data: { teamId: TEAM, subject, previousReviewBy, reviewBy, setBy: COACH, setAt, reason },
});
const reviewed = (subject: ReviewSubject, outcome: 'kept' | 'changed' | 'dropped', nextReviewBy: string | null, reason = 'looked at it'): TeamEvent => ({
  type: 'AgreementReviewed',
  data: { teamId: TEAM, subject, outcome, nextReviewBy, reviewedBy: COACH, reviewedAt: now, reason },
});

describe('SetReviewDate edges', () => {
  it.each([
    ['boundary', budget],
    ['principle', pr1],
    ['delegation', planning],
  ])('moves the review date of a %s, keeping the one it replaces', (_, subject) => {
    spec
      .given([...given, dateSet(subject, null, '2026-06-01', T0)])
      .when(setReview(subject, '2026-09-01'), because('  later  '))
      .then([dateSet(subject, '2026-06-01', '2026-09-01', now, 'later')]);
  });

  it.each([
    ['boundary', budget],
    ['principle', pr1],
    ['delegation', planning],
  ])('clears the review date of a %s', (_, subject) => {
    spec.given([...given, dateSet(subject, null, '2026-06-01', T0)]).when(setReview(subject, null), because('no need')).then([dateSet(subject, '2026-06-01', null, now, 'no need')]);
  });

  it('accepts today as a review date', () => {
    spec.given(given).when(setReview(budget, today), because('today')).then([dateSet(budget, null, today, now, 'today')]);
  });

  it('changes nothing, and asks no reason, when the date stays the same', () => {
    spec.given([...given, dateSet(pr1, null, '2026-06-01', T0)]).when(setReview(pr1, '2026-06-01'), as(COACH)).thenNothingHappens();
    spec.given(given).when(setReview(pr1, null), as(COACH)).thenNothingHappens();
    spec.given(given).when(setReview(pr1), as(COACH)).thenNothingHappens();
  });

  it('reads the date a delegation level was set with as the area’s current review date', () => {
    const withDate: TeamEvent = {
      type: 'DelegationLevelChanged',
      data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 5, reviewBy: '2026-06-01', changedBy: COACH, changedAt: T0, reason: 'trust grows' },
    };
    spec.given([...given, withDate]).when(setReview(planning, '2026-06-01'), as(COACH)).thenNothingHappens();
  });
});

describe('ReviewAgreement edges', () => {
  it('kept without a next review date records none; kept may be reviewed again today', () => {
    spec.given(given).when(review(budget, 'kept'), because('looked at it')).then([reviewed(budget, 'kept', null)]);
    spec.given(given).when(review(budget, 'kept', { nextReviewBy: today }), because('looked at it')).then([reviewed(budget, 'kept', today)]);
  });

  it('changes a boundary given without its id, under the subject’s id', () => {
    const { boundaryId: _, ...withoutId } = financial('t-budget', 3000);
    spec
      .given(given)
      .when(review(budget, 'changed', { boundary: withoutId }), because('looked at it'))
      .then([
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: financial('t-budget', 3000), previous: financial('t-budget', 2500), setBy: COACH, setAt: now, reason: 'looked at it', proposalId: null } },
        reviewed(budget, 'changed', null),
      ]);
  });

  it('drops a boundary by removing it', () => {
    spec
      .given(given)
      .when(review(budget, 'dropped'), because('looked at it'))
      .then([
        { type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 't-budget', previous: financial('t-budget', 2500), removedBy: COACH, removedAt: now, reason: 'looked at it', proposalId: null } },
        reviewed(budget, 'dropped', null),
      ]);
  });

  it('changes a principle’s rule and keeps its value when no new value is given', () => {
    const rule = 'We say we are stuck before the day ends';
    spec
      .given(given)
      .when(review(pr1, 'changed', { rule }), because('looked at it'))
      .then([
        {
          type: 'PrincipleRevised',
          data: { teamId: TEAM, principleId: 'pr-1', previousRule: 'We say it when we are stuck', previousValue: 'openness', rule, value: 'openness', revisedBy: COACH, revisedAt: now, reason: 'looked at it' },
        },
        reviewed(pr1, 'changed', null),
      ]);
  });

  it('changes a principle’s rule and value together', () => {
    const rule = 'We say we are stuck before the day ends';
    spec
      .given(given)
      .when(review(pr1, 'changed', { rule, value: 'candour', nextReviewBy: '2026-12-01' }), because('looked at it'))
      .then([
        {
          type: 'PrincipleRevised',
          data: { teamId: TEAM, principleId: 'pr-1', previousRule: 'We say it when we are stuck', previousValue: 'openness', rule, value: 'candour', revisedBy: COACH, revisedAt: now, reason: 'looked at it' },
        },
        reviewed(pr1, 'changed', '2026-12-01'),
      ]);
  });

  it('drops a delegation back to 1 Tell, without a review date', () => {
    spec
      .given([...given, dateSet(planning, null, '2026-06-01', T0)])
      .when(review(planning, 'dropped'), because('looked at it'))
      .then([
        { type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 1, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'looked at it' } },
        reviewed(planning, 'dropped', null),
      ]);
  });

  it('a delegation kept at its level with a new review date is a change of the date alone', () => {
    spec
      .given(given)
      .when(review(planning, 'changed', { level: 5, nextReviewBy: '2026-09-01' }), because('looked at it'))
      .then([
        { type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 5, reviewBy: '2026-09-01', changedBy: COACH, changedAt: now, reason: 'looked at it' } },
        reviewed(planning, 'changed', '2026-09-01'),
      ]);
  });

  it('records the trimmed reason', () => {
    spec.given(given).when(review(pr1, 'kept'), because('  still true  ')).then([reviewed(pr1, 'kept', null, 'still true')]);
  });
});
