import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { as, because, boundarySet, COACH, financial, fromUnit, NOW, safety, TEAM, teamCreated, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const set = (boundary: unknown, unitBoundaries = unitFrame) => ({ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary, unitBoundaries } }) as const;
const remove = (boundaryId: string, unitBoundaries = unitFrame) => ({ type: 'RemoveTeamBoundary', data: { teamId: TEAM, boundaryId, unitBoundaries } }) as const;

describe('SetTeamBoundary', () => {
  it('sets a financial boundary within the unit’s frame, with who, when and why', () => {
    spec
      .given([teamCreated()])
      .when(set(financial('t-budget', 2500, 'per-decision', 'budget-spend')), because('pilot budget'))
      .then([
        {
          type: 'TeamBoundarySet',
          data: { teamId: TEAM, boundary: financial('t-budget', 2500, 'per-decision', 'budget-spend'), previous: null, setBy: COACH, setAt: now, reason: 'pilot budget', proposalId: null },
        },
      ]);
  });

  it('sets legal, core-procedure and safety boundaries (they add to the unit’s, never replace them)', () => {
    spec
      .given([teamCreated()])
      .when(set(safety), because('night visits'))
      .then([{ type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: safety, previous: null, setBy: COACH, setAt: now, reason: 'night visits', proposalId: null } }]);
    const legal = { boundaryId: 'b-gdpr', kind: 'legal', title: 'Client files', description: 'Client data stays in the care system.', reference: 'AVG art. 9' };
    spec.given([teamCreated()]).when(set(legal), because('privacy')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
    const procedure = { boundaryId: 'b-intake', kind: 'core-procedure', title: 'Intake', description: 'Every new client gets an intake within 5 days.' };
    spec
      .given([teamCreated()])
      .when(set(procedure), because('core process'))
      .then([
        {
          type: 'TeamBoundarySet',
          data: { teamId: TEAM, boundary: { ...procedure, kind: 'core-procedure', reference: null }, previous: null, setBy: COACH, setAt: now, reason: 'core process', proposalId: null },
        },
      ]);
  });

  it('requires a reason', () => {
    spec.given([teamCreated()]).when(set(safety), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason', category: 'invalid' });
    spec.given([teamCreated()]).when(set(safety), because('   ')).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('changes a boundary, keeping the previous one; the same boundary again changes nothing', () => {
    spec
      .given([teamCreated(), boundarySet(financial('t-budget', 2500))])
      .when(set(financial('t-budget', 1500)), because('tighter after audit'))
      .then([
        {
          type: 'TeamBoundarySet',
          data: { teamId: TEAM, boundary: financial('t-budget', 1500), previous: financial('t-budget', 2500), setBy: COACH, setAt: now, reason: 'tighter after audit', proposalId: null },
        },
      ]);
    spec.given([teamCreated(), boundarySet(financial('t-budget', 2500))]).when(set(financial('t-budget', 2500)), because('again')).thenNothingHappens();
  });

  it('refuses a boundary wider than the unit’s, per decision', () => {
    const rejection = spec.given([teamCreated()]).when(set(financial('t-budget', 6000)), because('more room')).thenRejects('BOUNDARY.WIDER_THAN_UNIT', {
      category: 'forbidden',
      field: 'boundary.limit.amount',
    });
    expect(rejection.message).toContain('EUR 6000 per decision, more than Limit u-per-decision allows (EUR 5000 per decision)');
  });

  it('accepts a limit exactly equal to the unit’s (the frame check is strictly wider), and refuses one cent more', () => {
    spec.given([teamCreated()]).when(set(financial('t-budget', 5000)), because('as much as the unit')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
    spec.given([teamCreated()]).when(set(financial('t-budget', 5000.01)), because('a cent more')).thenRejects('BOUNDARY.WIDER_THAN_UNIT', { field: 'boundary.limit.amount' });
  });

  it('refuses a monthly limit above the unit’s yearly limit, and accepts one below it', () => {
    spec.given([teamCreated()]).when(set(financial('t-month', 25000, 'month')), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT');
    spec.given([teamCreated()]).when(set(financial('t-month', 15000, 'month')), because('x')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
  });

  it('accepts a yearly limit above the unit’s per-decision limit: different things', () => {
    spec.given([teamCreated()]).when(set(financial('t-year', 18000, 'year')), because('x')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
  });

  it('compares against a unit limit for the same area, or a unit limit for every area', () => {
    const frame = [fromUnit(financial('u-hiring', 1000, 'per-decision', 'hiring'))];
    spec.given([teamCreated()]).when(set(financial('t-hiring', 1200, 'per-decision', 'hiring'), frame), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT');
    spec.given([teamCreated()]).when(set(financial('t-tooling', 1200, 'per-decision', 'tooling'), frame), because('x')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
  });

  it('holds an area limit to a unit limit for every area, and is not held by the unit’s rule boundaries', () => {
    const frame = [fromUnit(safety), fromUnit(financial('u-any', 1000))];
    spec.given([teamCreated()]).when(set(financial('t-hiring', 1200, 'per-decision', 'hiring'), frame), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT');
    spec.given([teamCreated()]).when(set(financial('t-hiring', 900, 'per-decision', 'hiring'), frame), because('x')).then([expect.objectContaining({ type: 'TeamBoundarySet' }) as never]);
  });

  it('refuses a limit in another currency than the unit’s', () => {
    spec.given([teamCreated()]).when(set(financial('t-usd', 100, 'per-decision', null, 'USD')), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT');
  });

  it('refuses to touch an inherited unit boundary', () => {
    spec.given([teamCreated()]).when(set(financial('u-per-decision', 100)), because('x')).thenRejects('BOUNDARY.INHERITED', { category: 'forbidden', field: 'boundary.boundaryId' });
    spec.given([teamCreated()]).when(remove('u-year'), because('x')).thenRejects('BOUNDARY.INHERITED', { field: 'boundaryId' });
  });

  it('keeps a boundary’s kind', () => {
    spec
      .given([teamCreated(), boundarySet(safety)])
      .when(set({ ...financial('b-safety', 10) }), because('x'))
      .thenRejects('BOUNDARY.KIND_CHANGED', { field: 'boundary.kind' });
  });

  it.each([
    [{ ...financial('t', 10), limit: { amount: -1, currency: 'EUR' } }, 'boundary.limit.amount'],
    [{ ...financial('t', 10), limit: { amount: 10, currency: 'euro' } }, 'boundary.limit.currency'],
    [{ ...financial('t', 10), limit: { amount: 0.00001, currency: 'EUR' } }, 'boundary.limit.amount'],
    [{ ...financial('t', 10), period: 'week' }, 'boundary.period'],
    [{ ...financial('t', 10), decisionArea: 'Budget Spend' }, 'boundary.decisionArea'],
    [{ ...financial('t', 10), kind: 'moral' }, 'boundary.kind'],
    [{ ...financial('t', 10), title: '' }, 'boundary.title'],
    [{ ...financial('t', 10), boundaryId: '' }, 'boundary.boundaryId'],
    [{ ...safety, description: '' }, 'boundary.description'],
    [null, 'boundary'],
  ])('rejects an invalid boundary %#, naming the field', (boundary, field) => {
    spec.given([teamCreated()]).when(set(boundary), because('x')).thenRejects('BOUNDARY.INVALID', { field, category: 'invalid' });
  });

  it('rejects for an unknown team', () => {
    spec.given([]).when(set(safety), because('x')).thenRejects('TEAM.NOT_FOUND');
  });
});

describe('RemoveTeamBoundary', () => {
  it('removes a boundary with a reason, keeping what it was', () => {
    spec
      .given([teamCreated(), boundarySet(safety)])
      .when(remove('b-safety'), because('covered by the unit now'))
      .then([{ type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 'b-safety', previous: safety, removedBy: COACH, removedAt: now, reason: 'covered by the unit now', proposalId: null } }]);
  });

  it('rejects an unknown boundary and a missing reason', () => {
    spec.given([teamCreated()]).when(remove('b-none'), because('x')).thenRejects('BOUNDARY.NOT_FOUND', { category: 'not-found', field: 'boundaryId' });
    spec.given([teamCreated(), boundarySet(safety)]).when(remove('b-safety'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });
});
