import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { evolveTeam, initialTeamState } from './team.state';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, COACH, financial, levelChanged, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const principle: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say it when we are stuck', value: 'openness', adoptedBy: ANNA, adoptedAt: T0 } };
const given = [...staffedTeam, boundarySet(financial('t-budget', 2500)), levelChanged('planning', 5), principle];
const setReview = (kind: string, id: string, reviewBy: string | null = '2026-06-01') => ({ type: 'SetReviewDate', data: { teamId: TEAM, subject: { kind, id }, reviewBy } }) as never;
const review = (kind: string, id: string, outcome: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'ReviewAgreement', data: { teamId: TEAM, subject: { kind, id }, outcome, unitBoundaries: unitFrame, ...extra } }) as never;
const reviewDateSet = (kind: 'boundary' | 'principle' | 'delegation', id: string, reviewBy: string): TeamEvent => ({
  type: 'ReviewDateSet',
  data: { teamId: TEAM, subject: { kind, id }, previousReviewBy: null, reviewBy, setBy: COACH, setAt: now, reason: 'safe enough to try' },
});
const reviewed = (kind: 'boundary' | 'principle' | 'delegation', id: string, outcome: 'kept' | 'changed' | 'dropped', nextReviewBy: string | null, reviewedBy = COACH, reason = 'looked at it'): TeamEvent => ({
  type: 'AgreementReviewed',
  data: { teamId: TEAM, subject: { kind, id }, outcome, nextReviewBy, reviewedBy, reviewedAt: now, reason },
});

describe('SetReviewDate', () => {
  it.each([
    ['boundary', 't-budget'],
    ['principle', 'pr-1'],
    ['delegation', 'planning'],
  ] as const)('puts a review date on a %s', (kind, id) => {
    spec.given(given).when(setReview(kind, id), because('safe enough to try')).then([reviewDateSet(kind, id, '2026-06-01')]);
  });

  it('the state carries it, and a change of the boundary keeps it', () => {
    const state = [...given, reviewDateSet('boundary', 't-budget', '2026-06-01'), boundarySet(financial('t-budget', 3000))].reduce(evolveTeam, initialTeamState);
    expect(state.boundaries.get('t-budget')?.reviewBy).toBe('2026-06-01');
  });

  it('refuses a date in the past, unknown subjects, an undelegated area, and no reason', () => {
    spec.given(given).when(setReview('boundary', 't-budget', '2026-01-14'), because('x')).thenRejects('REVIEW.DATE_INVALID', { field: 'reviewBy' });
    spec.given(given).when(setReview('boundary', 't-budget', 'soon'), because('x')).thenRejects('REVIEW.DATE_INVALID', { field: 'reviewBy' });
    spec.given(given).when(setReview('boundary', 'nope'), because('x')).thenRejects('REVIEW.SUBJECT_NOT_FOUND', { category: 'not-found', field: 'subject.id' });
    spec.given(given).when(setReview('okr', 'x'), because('x')).thenRejects('REVIEW.SUBJECT_INVALID', { field: 'subject.kind' });
    spec.given(given).when(setReview('delegation', 'hiring'), because('x')).thenRejects('REVIEW.NOTHING_DELEGATED', { category: 'precondition' });
    spec.given(given).when(setReview('principle', 'pr-1'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED');
  });
});

describe('ReviewAgreement', () => {
  it('kept: recorded with the next review date', () => {
    spec.given(given).when(review('principle', 'pr-1', 'kept', { nextReviewBy: '2026-12-01' }), because('still how we work', ANNA)).then([reviewed('principle', 'pr-1', 'kept', '2026-12-01', ANNA, 'still how we work')]);
  });

  it('changed: the new value first, by the subject’s own rule, then the review', () => {
    spec
      .given(given)
      .when(review('boundary', 't-budget', 'changed', { boundary: financial('t-budget', 3000), nextReviewBy: '2026-09-01' }), because('worked well'))
      .then([
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: financial('t-budget', 3000), previous: financial('t-budget', 2500), setBy: COACH, setAt: now, reason: 'worked well', proposalId: null } },
        reviewed('boundary', 't-budget', 'changed', '2026-09-01', COACH, 'worked well'),
      ]);
    spec
      .given(given)
      .when(review('delegation', 'planning', 'changed', { level: 6, nextReviewBy: '2026-09-01' }), because('worked well'))
      .then([
        { type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 6, reviewBy: '2026-09-01', changedBy: COACH, changedAt: now, reason: 'worked well' } },
        reviewed('delegation', 'planning', 'changed', '2026-09-01', COACH, 'worked well'),
      ]);
    const state = [...given, reviewed('boundary', 't-budget', 'kept', '2026-09-01')].reduce(evolveTeam, initialTeamState);
    expect(state.boundaries.get('t-budget')?.reviewBy).toBe('2026-09-01');
  });

  it('changed must change, and is checked like any change (never wider than the unit)', () => {
    spec.given(given).when(review('boundary', 't-budget', 'changed', { boundary: financial('t-budget', 2500) }), because('x')).thenRejects('REVIEW.NO_CHANGE', { field: 'boundary' });
    spec.given(given).when(review('boundary', 't-budget', 'changed', { boundary: financial('t-budget', 9000) }), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT');
    spec.given(given).when(review('principle', 'pr-1', 'changed'), because('x')).thenRejects('REVIEW.CHANGE_MISSING', { field: 'rule' });
    spec.given(given).when(review('delegation', 'planning', 'changed'), because('x')).thenRejects('REVIEW.CHANGE_MISSING', { field: 'level' });
  });

  it('dropped: removed (a boundary, a principle) or the level back to 1 Tell', () => {
    spec
      .given(given)
      .when(review('principle', 'pr-1', 'dropped'), because('we do not need it'))
      .then([
        { type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-1', retiredBy: COACH, retiredAt: now, reason: 'we do not need it' } },
        reviewed('principle', 'pr-1', 'dropped', null, COACH, 'we do not need it'),
      ]);
    spec
      .given(given)
      .when(review('boundary', 't-budget', 'dropped'), because('the unit limit is enough'))
      .then([expect.objectContaining({ type: 'TeamBoundaryRemoved' }) as never, reviewed('boundary', 't-budget', 'dropped', null, COACH, 'the unit limit is enough')]);
    spec
      .given(given)
      .when(review('delegation', 'planning', 'dropped'), because('back to Tell'))
      .then([expect.objectContaining({ type: 'DelegationLevelChanged', data: expect.objectContaining({ level: 1, previousLevel: 5 }) }) as never, reviewed('delegation', 'planning', 'dropped', null, COACH, 'back to Tell')]);
  });

  it('refuses a bad outcome, a next review for something dropped, and no reason', () => {
    spec.given(given).when(review('principle', 'pr-1', 'forgotten'), because('x')).thenRejects('REVIEW.OUTCOME_INVALID', { field: 'outcome' });
    spec.given(given).when(review('principle', 'pr-1', 'dropped', { nextReviewBy: '2026-09-01' }), because('x')).thenRejects('REVIEW.DATE_INVALID', { field: 'nextReviewBy' });
    spec.given(given).when(review('principle', 'pr-1', 'kept'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED');
  });
});
