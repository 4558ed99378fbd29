import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import type { Boundary } from '../shared/boundary.model';
import type { OrganisationCommand } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { OrganisationEvent } from './organisation.events';
import { unitPath, unitSubtree, unitTree } from './organisation.queries';

const spec = DeciderSpecification.for(organisationDecider);
const ORG = 'org-1';
const LEAD = 'user-lead';
const T0 = '2026-01-05T09:00:00.000Z';
const NOW = new Date('2026-01-15T09:00:00.000Z');
const as = (reason?: string) => ({ actor: { id: LEAD, kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const limit = (boundaryId: string, amount: number): Boundary => ({
  boundaryId,
  kind: 'financial',
  title: `Limit ${boundaryId}`,
  limit: { amount, currency: 'EUR' },
  period: 'per-decision',
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
/** care → north → north-1, and care → south; care allows 10000 per decision, north 5000. */
const tree = [created, unit('care'), unit('north', 'care'), unit('north-1', 'north'), unit('south', 'care'), boundarySet('care', limit('b-care', 10000)), boundarySet('north', limit('b-north', 5000))];
const cmd = (type: string, data: Record<string, unknown>) => ({ type, data: { organisationId: ORG, ...data } }) as unknown as OrganisationCommand;

describe('commands that change nothing record nothing', () => {
  it.each<[what: string, command: OrganisationCommand]>([
    ['a rename to the current name (once trimmed)', cmd('RenameUnit', { unitId: 'north', name: ' Unit north ' })],
    ['a move under the current parent', cmd('MoveUnit', { unitId: 'north-1', parentUnitId: 'north' })],
    ['a move of a top unit to the top', cmd('MoveUnit', { unitId: 'care', parentUnitId: null })],
    ['a move of a top unit with no parent given', cmd('MoveUnit', { unitId: 'care' })],
    ['setting a boundary to its current value', cmd('SetUnitBoundary', { unitId: 'north', boundary: limit('b-north', 5000) })],
  ])('%s', (_what, command) => {
    spec.given(tree).when(command, as('reorganisation')).then([]);
  });
});

describe('the edges a command accepts', () => {
  it('adds a unit at the top when the parent is null', () => {
    spec
      .given(tree)
      .when(cmd('AddUnit', { unitId: 'east', name: 'Oost', parentUnitId: null }), as())
      .then([{ type: 'UnitAdded', data: { organisationId: ORG, unitId: 'east', name: 'Oost', parentUnitId: null, addedBy: LEAD, addedAt: NOW.toISOString() } }]);
  });

  it('moves a unit to the top', () => {
    spec
      .given(tree)
      .when(cmd('MoveUnit', { unitId: 'north', parentUnitId: null }), as('independent'))
      .then([{ type: 'UnitMoved', data: { organisationId: ORG, unitId: 'north', previousParentUnitId: 'care', parentUnitId: null, movedBy: LEAD, movedAt: NOW.toISOString(), reason: 'independent' } }]);
  });

  it('takes today as a review date, and null clears a date', () => {
    const dateSet = (reviewBy: string | null, previousReviewBy: string | null = null): OrganisationEvent => ({
      type: 'UnitBoundaryReviewDateSet',
      data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north', previousReviewBy, reviewBy, setBy: LEAD, setAt: NOW.toISOString(), reason: 'look again' },
    });
    const setDate = (reviewBy: string | null) => cmd('SetUnitBoundaryReviewDate', { unitId: 'north', boundaryId: 'b-north', reviewBy });
    spec.given(tree).when(setDate('2026-01-15'), as('look again')).then([dateSet('2026-01-15')]);
    spec.given([...tree, dateSet('2026-06-01')]).when(setDate(null), as('look again')).then([dateSet(null, '2026-06-01')]);
  });

  it('throws on a command or an event it does not know, rather than answering nothing', () => {
    expect(() => organisationDecider.decide({ type: 'DissolveOrganisation' } as never, organisationDecider.initialState, testContext())).toThrow(/DissolveOrganisation/);
    expect(() => fold(organisationDecider, [created, { type: 'OrganisationDissolved' } as never])).toThrow(/OrganisationDissolved/);
  });
});

describe('the state the events leave', () => {
  it('a rename changes the name and nothing else', () => {
    const renamed: OrganisationEvent = { type: 'UnitRenamed', data: { organisationId: ORG, unitId: 'north', previousName: 'Unit north', name: 'Noord', renamedBy: LEAD, renamedAt: T0 } };
    const north = fold(organisationDecider, [...tree, renamed]).units.get('north');
    expect(north).toMatchObject({ unitId: 'north', name: 'Noord', parentUnitId: 'care' });
  });

  it('a move hangs the unit and its subtree under the new parent', () => {
    const moved: OrganisationEvent = {
      type: 'UnitMoved',
      data: { organisationId: ORG, unitId: 'north', previousParentUnitId: 'care', parentUnitId: 'south', movedBy: LEAD, movedAt: T0, reason: 'merger' },
    };
    const state = fold(organisationDecider, [...tree, moved]);
    expect(state.units.get('north')).toMatchObject({ name: 'Unit north', parentUnitId: 'south' });
    expect(unitPath(state, 'north-1')).toEqual(['care', 'south', 'north', 'north-1']);
  });

  it('a removed boundary is gone from the unit, and its id is free for another unit', () => {
    const removed: OrganisationEvent = {
      type: 'UnitBoundaryRemoved',
      data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north', previous: limit('b-north', 5000), removedBy: LEAD, removedAt: T0, reason: 'care suffices' },
    };
    const state = fold(organisationDecider, [...tree, removed]);
    expect([...state.units.get('north')!.boundaries.keys()]).toEqual([]);
    expect(state.units.get('north')).toMatchObject({ name: 'Unit north', parentUnitId: 'care' });
    expect(state.boundaryOwners.has('b-north')).toBe(false);
    spec
      .given([...tree, removed])
      .when(cmd('SetUnitBoundary', { unitId: 'south', boundary: limit('b-north', 3000) }), as('reuse'))
      .then([expect.objectContaining({ type: 'UnitBoundarySet' }) as never]);
  });

  it('a review moves the review date to the next one it names', () => {
    const dateSet: OrganisationEvent = {
      type: 'UnitBoundaryReviewDateSet',
      data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north', previousReviewBy: null, reviewBy: '2026-06-01', setBy: LEAD, setAt: T0, reason: 'try' },
    };
    const reviewed: OrganisationEvent = {
      type: 'UnitBoundaryReviewed',
      data: { organisationId: ORG, unitId: 'north', boundaryId: 'b-north', outcome: 'kept', nextReviewBy: '2026-12-01', reviewedBy: LEAD, reviewedAt: T0, reason: 'fine' },
    };
    const state = fold(organisationDecider, [...tree, dateSet, reviewed]);
    expect(state.units.get('north')!.boundaries.get('b-north')).toMatchObject({ boundary: limit('b-north', 5000), reviewBy: '2026-12-01' });
  });
});

describe('the unit queries', () => {
  it('the tree lists units by name at every level, each with its own boundaries', () => {
    const state = fold(organisationDecider, [created, unit('zuid'), unit('oost'), unit('care'), unit('west', 'care'), unit('north', 'care'), boundarySet('care', limit('b-care', 10000))]);
    const { units } = unitTree(state);
    expect(units.map((u) => u.unitId)).toEqual(['care', 'oost', 'zuid']);
    expect(units[0]!.children.map((u) => u.unitId)).toEqual(['north', 'west']);
    expect(units[0]!.boundaries).toEqual([limit('b-care', 10000)]);
  });

  it('the subtree of an unknown unit is empty', () => {
    const state = fold(organisationDecider, tree);
    expect(unitSubtree(state, 'nope')).toEqual([]);
    expect(unitSubtree(state, 'north')).toEqual(['north', 'north-1']);
  });
});
