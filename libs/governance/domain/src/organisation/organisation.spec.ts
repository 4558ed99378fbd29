import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { Boundary } from '../shared/boundary.model';
import { organisationDecider, organisationStreamId } from './organisation.decider';
import type { OrganisationEvent } from './organisation.events';
import { effectiveUnitBoundaries, escalationContacts, unitPath, unitTree } from './organisation.queries';

const spec = DeciderSpecification.for(organisationDecider);
const ORG = 'org-1';
const T0 = '2026-01-05T09:00:00.000Z';
const NOW = new Date('2026-01-15T09:00:00.000Z');
const LEAD = 'user-lead';
const as = (reason?: string) => ({ actor: { id: LEAD, kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const limit = (boundaryId: string, amount: number, period: 'per-decision' | 'year' = 'per-decision'): Boundary => ({
  boundaryId,
  kind: 'financial',
  title: `Limit ${boundaryId}`,
  limit: { amount, currency: 'EUR' },
  period,
  decisionArea: null,
});
const created: OrganisationEvent = { type: 'OrganisationCreated', data: { organisationId: ORG, name: 'Zorggroep', createdBy: LEAD, createdAt: T0 } };
const unit = (unitId: string, parentUnitId: string | null = null): OrganisationEvent => ({
  type: 'UnitAdded',
  data: { organisationId: ORG, unitId, name: `Unit ${unitId}`, parentUnitId, addedBy: LEAD, addedAt: T0 },
});
const boundarySet = (unitId: string, boundary: Boundary): OrganisationEvent => ({
  type: 'UnitBoundarySet',
  data: { organisationId: ORG, unitId, boundary, previous: null, setBy: LEAD, setAt: T0, reason: 'budget' },
});
/** care → north → north-1; care has 10000 per decision, north 5000. */
const tree = [created, unit('care'), unit('north', 'care'), unit('north-1', 'north'), unit('south', 'care'), boundarySet('care', limit('b-care', 10000)), boundarySet('north', limit('b-north', 5000))];

describe('organisation and unit tree', () => {
  it('creates an organisation once', () => {
    spec.given([]).when({ type: 'CreateOrganisation', data: { organisationId: ORG, name: 'Zorggroep' } }, as()).then([{ ...created, data: { ...created.data, createdAt: NOW.toISOString() } } as OrganisationEvent]);
    spec.given([created]).when({ type: 'CreateOrganisation', data: { organisationId: ORG, name: 'Again' } }).thenRejects('ORGANISATION.ALREADY_EXISTS', { category: 'conflict' });
    spec.given([]).when({ type: 'CreateOrganisation', data: { organisationId: ORG, name: '' } }).thenRejects('ORGANISATION.NAME_INVALID', { field: 'name' });
    expect(organisationStreamId('acme', ORG)).toBe('organisation-4:acme:org-1');
  });

  it('adds units at the top and under a parent', () => {
    spec
      .given([created, unit('care')])
      .when({ type: 'AddUnit', data: { organisationId: ORG, unitId: 'north', name: 'Noord', parentUnitId: 'care' } }, as())
      .then([{ type: 'UnitAdded', data: { organisationId: ORG, unitId: 'north', name: 'Noord', parentUnitId: 'care', addedBy: LEAD, addedAt: NOW.toISOString() } }]);
  });

  it('rejects a unit without organisation, a duplicate, an unknown parent, an empty name', () => {
    spec.given([]).when({ type: 'AddUnit', data: { organisationId: ORG, unitId: 'care', name: 'Zorg' } }).thenRejects('ORGANISATION.NOT_FOUND', { category: 'not-found' });
    spec.given(tree).when({ type: 'AddUnit', data: { organisationId: ORG, unitId: 'care', name: 'Zorg' } }).thenRejects('UNIT.ALREADY_EXISTS', { category: 'conflict' });
    spec.given(tree).when({ type: 'AddUnit', data: { organisationId: ORG, unitId: 'x', name: 'X', parentUnitId: 'nope' } }).thenRejects('UNIT.PARENT_NOT_FOUND', { field: 'parentUnitId' });
    spec.given(tree).when({ type: 'AddUnit', data: { organisationId: ORG, unitId: 'x', name: ' ' } }).thenRejects('UNIT.NAME_INVALID', { field: 'name' });
  });

  it('renames a unit', () => {
    spec
      .given(tree)
      .when({ type: 'RenameUnit', data: { organisationId: ORG, unitId: 'north', name: 'Noord' } }, as())
      .then([{ type: 'UnitRenamed', data: { organisationId: ORG, unitId: 'north', previousName: 'Unit north', name: 'Noord', renamedBy: LEAD, renamedAt: NOW.toISOString() } }]);
    spec.given(tree).when({ type: 'RenameUnit', data: { organisationId: ORG, unitId: 'nope', name: 'X' } }).thenRejects('UNIT.NOT_FOUND', { field: 'unitId' });
  });

  it('moves a unit with a reason', () => {
    spec
      .given(tree)
      .when({ type: 'MoveUnit', data: { organisationId: ORG, unitId: 'north-1', parentUnitId: 'south' } }, as('merger'))
      .then([{ type: 'UnitMoved', data: { organisationId: ORG, unitId: 'north-1', previousParentUnitId: 'north', parentUnitId: 'south', movedBy: LEAD, movedAt: NOW.toISOString(), reason: 'merger' } }]);
    spec.given(tree).when({ type: 'MoveUnit', data: { organisationId: ORG, unitId: 'north-1', parentUnitId: 'south' } }, as()).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('keeps the tree a tree', () => {
    spec.given(tree).when({ type: 'MoveUnit', data: { organisationId: ORG, unitId: 'care', parentUnitId: 'north-1' } }, as('x')).thenRejects('UNIT.CYCLE', { field: 'parentUnitId' });
    spec.given(tree).when({ type: 'MoveUnit', data: { organisationId: ORG, unitId: 'north', parentUnitId: 'north' } }, as('x')).thenRejects('UNIT.CYCLE');
  });

  it('refuses a move that puts wider boundaries under a narrower parent', () => {
    const withSouthLimit = [...tree, boundarySet('south', limit('b-south', 1000))];
    spec.given(withSouthLimit).when({ type: 'MoveUnit', data: { organisationId: ORG, unitId: 'north', parentUnitId: 'south' } }, as('x')).thenRejects('BOUNDARY.WIDER_THAN_PARENT', { category: 'forbidden' });
  });
});

describe('unit boundaries', () => {
  const set = (unitId: string, boundary: unknown) => ({ type: 'SetUnitBoundary', data: { organisationId: ORG, unitId, boundary } }) as const;

  it('sets a boundary narrower than the inherited ones, with who, when and why', () => {
    spec
      .given(tree)
      .when(set('north-1', limit('b-n1', 4000)), as('small team'))
      .then([{ type: 'UnitBoundarySet', data: { organisationId: ORG, unitId: 'north-1', boundary: limit('b-n1', 4000), previous: null, setBy: LEAD, setAt: NOW.toISOString(), reason: 'small team' } }]);
  });

  it('refuses a boundary wider than an ancestor’s, also one further up', () => {
    spec.given(tree).when(set('north-1', limit('b-n1', 6000)), as('x')).thenRejects('BOUNDARY.WIDER_THAN_PARENT', { field: 'boundary.limit.amount' });
    spec.given(tree).when(set('south', limit('b-s', 12000)), as('x')).thenRejects('BOUNDARY.WIDER_THAN_PARENT');
  });

  it('requires a reason, a valid boundary, a unit, an id no other unit uses, and a stable kind', () => {
    spec.given(tree).when(set('north-1', limit('b-n1', 10)), as()).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
    spec.given(tree).when(set('north-1', { ...limit('b-n1', 10), period: 'week' }), as('x')).thenRejects('BOUNDARY.INVALID', { field: 'boundary.period' });
    spec.given(tree).when(set('nope', limit('b-n1', 10)), as('x')).thenRejects('UNIT.NOT_FOUND');
    spec.given(tree).when(set('south', limit('b-north', 10)), as('x')).thenRejects('BOUNDARY.ID_TAKEN', { category: 'conflict' });
    spec
      .given(tree)
      .when(set('north', { boundaryId: 'b-north', kind: 'safety', title: 'x', description: 'y' }), as('x'))
      .thenRejects('BOUNDARY.KIND_CHANGED', { field: 'boundary.kind' });
  });

  it('removes a boundary with a reason', () => {
    spec
      .given(tree)
      .when({ type: 'RemoveUnitBoundary', data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north' } }, as('care limit suffices'))
      .then([
        { type: 'UnitBoundaryRemoved', data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north', previous: limit('b-north', 5000), removedBy: LEAD, removedAt: NOW.toISOString(), reason: 'care limit suffices' } },
      ]);
    spec.given(tree).when({ type: 'RemoveUnitBoundary', data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-care' } }, as('x')).thenRejects('BOUNDARY.NOT_FOUND');
    spec.given(tree).when({ type: 'RemoveUnitBoundary', data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north' } }, as()).thenRejects('GOVERNANCE.REASON_REQUIRED');
  });

  it('inherits boundaries down the tree: the lookup passed to team commands', () => {
    const state = fold(organisationDecider, tree);
    expect(unitPath(state, 'north-1')).toEqual(['care', 'north', 'north-1']);
    expect(effectiveUnitBoundaries(state, 'north-1')).toEqual([
      { boundary: limit('b-care', 10000), source: { level: 'unit', unitId: 'care' } },
      { boundary: limit('b-north', 5000), source: { level: 'unit', unitId: 'north' } },
    ]);
    expect(effectiveUnitBoundaries(state, 'south')).toEqual([{ boundary: limit('b-care', 10000), source: { level: 'unit', unitId: 'care' } }]);
    expect(effectiveUnitBoundaries(state, 'nope')).toEqual([]);
    expect(unitTree(state).units.map((u) => [u.unitId, u.children.map((c) => c.unitId)])).toEqual([['care', ['north', 'south']]]);
  });
});

describe('NameUnitEscalationContact', () => {
  const name = (unitId: string, contactId: string | null) => ({ type: 'NameUnitEscalationContact', data: { organisationId: ORG, unitId, contactId } }) as const;
  const named = (unitId: string, contactId: string | null, previousContactId: string | null = null): OrganisationEvent => ({
    type: 'UnitEscalationContactNamed',
    data: { organisationId: ORG, unitId, previousContactId, contactId, namedBy: LEAD, namedAt: NOW.toISOString(), reason: 'the care lead answers' },
  });
  const tree = [created, unit('care'), unit('north', 'care'), unit('south', 'care')];

  it('names who answers a unit’s escalations, with a reason; naming again changes nothing; null takes it back', () => {
    spec.given(tree).when(name('care', 'user-carla'), as('the care lead answers')).then([named('care', 'user-carla')]);
    spec.given([...tree, named('care', 'user-carla')]).when(name('care', 'user-carla'), as('again')).then([]);
    spec.given([...tree, named('care', 'user-carla')]).when(name('care', null), as('the care lead answers')).then([named('care', null, 'user-carla')]);
  });

  it('needs a known unit, a valid contact and a reason', () => {
    spec.given(tree).when(name('east', 'user-carla'), as('x')).thenRejects('UNIT.NOT_FOUND', { field: 'unitId' });
    spec.given(tree).when(name('care', ''), as('x')).thenRejects('UNIT.CONTACT_INVALID', { field: 'contactId' });
    spec.given(tree).when(name('care', 'user-carla'), as()).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('a team’s contacts are those named along its unit’s path, nearest first', () => {
    const state = fold(organisationDecider, [...tree, named('care', 'user-carla'), named('north', 'user-nina')]);
    expect(escalationContacts(state, 'north')).toEqual(['user-nina', 'user-carla']);
    expect(escalationContacts(state, 'south')).toEqual(['user-carla']);
    expect(escalationContacts(state, 'nowhere')).toEqual([]);
  });
});

describe('unit boundary review dates and reviews', () => {
  const tree = [created, unit('care'), unit('north', 'care'), boundarySet('care', limit('u-cap', 5000))];
  const setDate = (reviewBy: string | null) => ({ type: 'SetUnitBoundaryReviewDate', data: { organisationId: ORG, unitId: 'care', boundaryId: 'u-cap', reviewBy } }) as const;
  const review = (outcome: string, extra: Record<string, unknown> = {}) => ({ type: 'ReviewUnitBoundary', data: { organisationId: ORG, unitId: 'care', boundaryId: 'u-cap', outcome, ...extra } }) as never;
  const dateSet: OrganisationEvent = {
    type: 'UnitBoundaryReviewDateSet',
    data: { organisationId: ORG, unitId: 'care', boundaryId: 'u-cap', previousReviewBy: null, reviewBy: '2026-06-01', setBy: LEAD, setAt: NOW.toISOString(), reason: 'try it' },
  };
  const reviewed = (outcome: 'kept' | 'changed' | 'dropped', nextReviewBy: string | null): OrganisationEvent => ({
    type: 'UnitBoundaryReviewed',
    data: { organisationId: ORG, unitId: 'care', boundaryId: 'u-cap', outcome, nextReviewBy, reviewedBy: LEAD, reviewedAt: NOW.toISOString(), reason: 'try it' },
  });

  it('puts a review date on a unit boundary, kept across changes of the boundary', () => {
    spec.given(tree).when(setDate('2026-06-01'), as('try it')).then([dateSet]);
    spec.given([...tree, dateSet]).when(setDate('2026-06-01'), as('again')).then([]);
    const state = fold(organisationDecider, [...tree, dateSet, boundarySet('care', limit('u-cap', 4000))]);
    expect(state.units.get('care')?.boundaries.get('u-cap')?.reviewBy).toBe('2026-06-01');
  });

  it('refuses a past or malformed date, an unknown boundary, and no reason', () => {
    spec.given(tree).when(setDate('2026-01-14'), as('x')).thenRejects('REVIEW.DATE_INVALID', { field: 'reviewBy' });
    spec.given(tree).when({ type: 'SetUnitBoundaryReviewDate', data: { organisationId: ORG, unitId: 'care', boundaryId: 'nope', reviewBy: '2026-06-01' } }, as('x')).thenRejects('BOUNDARY.NOT_FOUND', { field: 'boundaryId' });
    spec.given(tree).when(setDate('2026-06-01'), as()).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('reviews: kept with the next date, changed through the unit rule (never wider than the ancestors), dropped removes it', () => {
    spec.given(tree).when(review('kept', { nextReviewBy: '2026-12-01' }), as('try it')).then([reviewed('kept', '2026-12-01')]);
    spec
      .given(tree)
      .when(review('changed', { boundary: { kind: 'financial', title: 'Limit u-cap', limit: { amount: 4000, currency: 'EUR' }, period: 'per-decision', decisionArea: null } }), as('try it'))
      .then([expect.objectContaining({ type: 'UnitBoundarySet' }) as never, reviewed('changed', null)]);
    spec.given(tree).when(review('dropped'), as('try it')).then([expect.objectContaining({ type: 'UnitBoundaryRemoved' }) as never, reviewed('dropped', null)]);
    spec.given(tree).when(review('changed'), as('x')).thenRejects('REVIEW.CHANGE_MISSING', { field: 'boundary' });
    spec.given(tree).when(review('lost'), as('x')).thenRejects('REVIEW.OUTCOME_INVALID', { field: 'outcome' });
    spec.given(tree).when(review('dropped', { nextReviewBy: '2026-12-01' }), as('x')).thenRejects('REVIEW.DATE_INVALID', { field: 'nextReviewBy' });
  });
});
