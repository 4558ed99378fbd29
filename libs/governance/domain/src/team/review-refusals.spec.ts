import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, COACH, financial, levelChanged, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const principle: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say it when we are stuck', value: 'openness', adoptedBy: ANNA, adoptedAt: T0 } };
const retired: TeamEvent = { type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-old', retiredBy: ANNA, retiredAt: T0, reason: 'merged' } };
const oldPrinciple: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-old', rule: 'We always ask the coach', value: 'care', adoptedBy: ANNA, adoptedAt: T0 } };
const given = [...staffedTeam, boundarySet(financial('t-budget', 2500)), levelChanged('planning', 5), principle, oldPrinciple, retired];
const setReview = (subject: unknown, reviewBy: unknown = '2026-06-01') => ({ type: 'SetReviewDate', data: { teamId: TEAM, subject, reviewBy } }) as never;
const review = (subject: unknown, outcome: unknown, extra: Record<string, unknown> = {}) =>
  ({ type: 'ReviewAgreement', data: { teamId: TEAM, subject, outcome, unitBoundaries: unitFrame, ...extra } }) as never;
const SUBJECT_SHAPE = 'The subject is { kind: "boundary" | "principle" | "delegation", id }.';
const ID_RULE = 'The id of the boundary, principle or decision area must be a non-empty id without surrounding spaces, at most 128 characters.';
const DATE_RULE = 'A review date is a calendar date (YYYY-MM-DD), today or later.';

/** Both commands find their subject the same way; each refusal is checked on both. */
const onBoth = (subject: unknown) => [setReview(subject), review(subject, 'kept')];

describe('finding the subject of a review', () => {
  it.each([
    ['no subject', undefined],
    ['a null subject', null],
    ['a subject that is only a kind', 'boundary'],
    ['an unknown kind', { kind: 'okr', id: 'o-1' }],
    ['no kind', { id: 't-budget' }],
  ])('refuses %s, describing the shape', (_, subject) => {
    for (const command of onBoth(subject)) {
      spec.given(given).when(command, because('x')).thenRejects('REVIEW.SUBJECT_INVALID', { category: 'invalid', field: 'subject.kind', message: SUBJECT_SHAPE });
    }
  });

  it.each([
    ['no id', { kind: 'boundary' }],
    ['an empty id', { kind: 'principle', id: '' }],
    ['an id with spaces around it', { kind: 'delegation', id: ' planning' }],
  ])('refuses %s as invalid', (_, subject) => {
    for (const command of onBoth(subject)) {
      spec.given(given).when(command, because('x')).thenRejects('REVIEW.SUBJECT_INVALID', { category: 'invalid', field: 'subject.id', message: ID_RULE });
    }
  });

  it.each([
    ['a boundary the team does not have', { kind: 'boundary', id: 'u-per-decision' }, `Team ${TEAM} has no boundary of its own u-per-decision.`],
    ['an unknown principle', { kind: 'principle', id: 'pr-9' }, `Team ${TEAM} has no active principle pr-9.`],
    ['a retired principle', { kind: 'principle', id: 'pr-old' }, `Team ${TEAM} has no active principle pr-old.`],
    ['an area not on the board', { kind: 'delegation', id: 'rostering' }, `Team ${TEAM} has no decision area rostering.`],
  ])('refuses %s as not found, naming it', (_, subject, message) => {
    for (const command of onBoth(subject)) {
      spec.given(given).when(command, because('x')).thenRejects('REVIEW.SUBJECT_NOT_FOUND', { category: 'not-found', field: 'subject.id', message });
    }
  });

  it('refuses an area where nothing was delegated yet', () => {
    for (const command of onBoth({ kind: 'delegation', id: 'hiring' })) {
      spec
        .given(given)
        .when(command, because('x'))
        .thenRejects('REVIEW.NOTHING_DELEGATED', { category: 'precondition', field: 'subject.id', message: 'Nothing was delegated in hiring yet; set a level first.' });
    }
  });
});

describe('SetReviewDate refusals', () => {
  it.each([['2026-01-14'], ['soon'], ['2026-02-30'], ['2026-06-01T00:00:00Z'], [20260601]])('refuses the review date %j', (reviewBy) => {
    spec
      .given(given)
      .when(setReview({ kind: 'boundary', id: 't-budget' }, reviewBy), because('x'))
      .thenRejects('REVIEW.DATE_INVALID', { category: 'invalid', field: 'reviewBy', message: DATE_RULE });
  });

  it('needs a reason for a new date, saying what it is for', () => {
    spec
      .given(given)
      .when(setReview({ kind: 'principle', id: 'pr-1' }), as(COACH, { reason: ' ' }))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to set a review date.' });
  });
});

describe('ReviewAgreement refusals', () => {
  const budget = { kind: 'boundary', id: 't-budget' };
  const pr1 = { kind: 'principle', id: 'pr-1' };
  const planning = { kind: 'delegation', id: 'planning' };

  it.each([['forgotten'], [''], [undefined]])('refuses the outcome %j, listing the outcomes', (outcome) => {
    spec.given(given).when(review(pr1, outcome), because('x')).thenRejects('REVIEW.OUTCOME_INVALID', { category: 'invalid', field: 'outcome', message: 'The outcome is one of kept, changed, dropped.' });
  });

  it.each([['2026-01-14'], ['next year'], [42]])('refuses the next review date %j', (nextReviewBy) => {
    spec.given(given).when(review(pr1, 'kept', { nextReviewBy }), because('x')).thenRejects('REVIEW.DATE_INVALID', { category: 'invalid', field: 'nextReviewBy', message: DATE_RULE });
  });

  it('refuses a next review for something dropped', () => {
    spec
      .given(given)
      .when(review(planning, 'dropped', { nextReviewBy: '2026-09-01' }), because('x'))
      .thenRejects('REVIEW.DATE_INVALID', { category: 'invalid', field: 'nextReviewBy', message: 'Something dropped has no next review.' });
  });

  it('needs a reason, saying what it is for', () => {
    spec
      .given(given)
      .when(review(budget, 'kept'), as(COACH))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to record a review.' });
  });

  it.each([
    ['a changed boundary without the new boundary', budget, {}, 'boundary', 'A changed boundary needs the new boundary.'],
    ['a changed boundary given as null', budget, { boundary: null }, 'boundary', 'A changed boundary needs the new boundary.'],
    ['a changed boundary under another id', budget, { boundary: financial('t-other', 2000) }, 'boundary.boundaryId', 'The new boundary must keep the id t-budget.'],
    ['a changed principle without its new rule', pr1, { value: 'candour' }, 'rule', 'A changed principle needs its new rule (and value).'],
    ['a changed delegation without its new level', planning, {}, 'level', 'A changed delegation needs its new level.'],
  ])('refuses %s', (_, subject, extra, field, message) => {
    spec.given(given).when(review(subject, 'changed', extra), because('x')).thenRejects('REVIEW.CHANGE_MISSING', { category: 'invalid', field, message });
  });

  it.each([
    ['boundary', budget, { boundary: financial('t-budget', 2500) }, 'boundary'],
    ['principle', pr1, { rule: 'We say it when we are stuck' }, 'rule'],
    ['delegation', planning, { level: 5 }, 'level'],
  ])('refuses a changed %s whose new value is the current one, on the field that carries it', (kind, subject, extra, field) => {
    spec
      .given(given)
      .when(review(subject, 'changed', extra), because('x'))
      .thenRejects('REVIEW.NO_CHANGE', { category: 'invalid', field, message: `The review says ${kind} ${subject.id} changed, but the new value is the current one.` });
  });

  it('passes on the refusal of the subject’s own rule', () => {
    spec.given(given).when(review(planning, 'changed', { level: 9 }), because('x')).thenRejects('DELEGATION.LEVEL_INVALID', { field: 'level' });
    spec.given(given).when(review(pr1, 'changed', { rule: 'Be open' }), because('x')).thenRejects('PRINCIPLE.NOT_CONCRETE', { field: 'rule' });
  });
});
