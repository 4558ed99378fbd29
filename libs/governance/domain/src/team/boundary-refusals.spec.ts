import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { EffectiveBoundary } from '../shared/boundary.model';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, BRAM, CHEN, COACH, financial, fromUnit, NOW, safety, staffedTeam, T0, TEAM, teamCreated, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const set = (boundary: unknown, unitBoundaries: readonly EffectiveBoundary[] = unitFrame, teamId = TEAM) => ({ type: 'SetTeamBoundary', data: { teamId, boundary, unitBoundaries } }) as const;
const remove = (boundaryId: unknown, unitBoundaries: readonly EffectiveBoundary[] = unitFrame, teamId = TEAM) =>
  ({ type: 'RemoveTeamBoundary', data: { teamId, boundaryId: boundaryId as string, unitBoundaries } }) as const;

const proposal = (proposalId: string, change: { action: 'set'; boundary: ReturnType<typeof financial> } | { action: 'remove'; boundaryId: string }): TeamEvent => ({
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId, change, reason: 'more room', closesAt: '2026-01-22T09:00:00.000Z', participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: T0 },
});
const withBudget = [...staffedTeam, boundarySet(financial('t-budget', 2500)), boundarySet(safety)];

describe('SetTeamBoundary and RemoveTeamBoundary refusals', () => {
  it.each([
    ['set on another team’s stream', set(safety, unitFrame, 'team-b'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['remove on another team’s stream', remove('b-safety', unitFrame, 'team-b'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    [
      'remove without a boundary id',
      remove(''),
      'BOUNDARY.INVALID',
      'invalid',
      'boundaryId',
      'The boundary id must be a non-empty id without surrounding spaces, at most 128 characters.',
    ],
    ['remove with a non-string boundary id', remove(42), 'BOUNDARY.INVALID', 'invalid', 'boundaryId', expect.stringContaining('The boundary id must be a non-empty id')],
    ['remove an unknown boundary', remove('b-none'), 'BOUNDARY.NOT_FOUND', 'not-found', 'boundaryId', 'Team team-a has no boundary b-none.'],
    [
      'set an inherited unit boundary',
      set(financial('u-per-decision', 100)),
      'BOUNDARY.INHERITED',
      'forbidden',
      'boundary.boundaryId',
      'Boundary u-per-decision is set by unit unit-care and can only be changed there.',
    ],
    ['remove an inherited unit boundary', remove('u-year'), 'BOUNDARY.INHERITED', 'forbidden', 'boundaryId', 'Boundary u-year is set by unit unit-care and can only be changed there.'],
    [
      'set a boundary another team passes down',
      set(financial('t-shared', 100), [{ boundary: financial('t-shared', 1000), source: { level: 'team', teamId: 'team-parent' } }]),
      'BOUNDARY.INHERITED',
      'forbidden',
      'boundary.boundaryId',
      'Boundary t-shared is set by team team-parent and can only be changed there.',
    ],
    [
      'change the kind of a boundary',
      set(financial('b-safety', 10)),
      'BOUNDARY.KIND_CHANGED',
      'invalid',
      'boundary.kind',
      'Boundary b-safety is safety; a boundary keeps its kind (remove it and set a new one).',
    ],
  ])('refuses to %s', (_what, command, code, category, field, message) => {
    spec.given(withBudget).when(command as never, because('x')).thenRejects(code, { category: category as never, field, message: message as string });
  });

  it('asks for the reason of a boundary change by what it is for', () => {
    spec.given(withBudget).when(set(safety), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to change a boundary.' });
    spec.given(withBudget).when(remove('b-safety'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { message: 'A reason is required to change a boundary.' });
  });

  it('explains a boundary wider than the unit’s with every limit it breaks, and lists them in the details', () => {
    // 25000 a month lets more go than both the unit's 9000 a quarter and its 20000 a year.
    const frame = [fromUnit(financial('u-year', 20000, 'year')), fromUnit(financial('u-quarter', 9000, 'quarter'))];
    const rejection = spec.given([teamCreated()]).when(set(financial('t-month', 25000, 'month'), frame), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT', {
      category: 'forbidden',
      field: 'boundary.limit.amount',
      message:
        "A team's boundary may be narrower than its unit's, never wider. " +
        'Limit t-month allows EUR 25000 per month, more than Limit u-year allows (EUR 20000 per year). ' +
        'Limit t-month allows EUR 25000 per month, more than Limit u-quarter allows (EUR 9000 per quarter).',
    });
    expect(rejection.details).toEqual({
      violations: [
        {
          boundaryId: 't-month',
          constraintId: 'u-year',
          constraintSource: { level: 'unit', unitId: 'unit-care' },
          problem: 'amount-above-limit',
          message: 'Limit t-month allows EUR 25000 per month, more than Limit u-year allows (EUR 20000 per year).',
        },
        {
          boundaryId: 't-month',
          constraintId: 'u-quarter',
          constraintSource: { level: 'unit', unitId: 'unit-care' },
          problem: 'amount-above-limit',
          message: 'Limit t-month allows EUR 25000 per month, more than Limit u-quarter allows (EUR 9000 per quarter).',
        },
      ],
    });
  });
});

describe('a boundary under consent', () => {
  it('cannot be changed directly while its proposal is open; the refusal names the proposal', () => {
    const rejection = spec
      .given([...withBudget, proposal('p-1', { action: 'set', boundary: financial('t-budget', 4000) })])
      .when(set(financial('t-budget', 100)), because('shortcut'))
      .thenRejects('BOUNDARY.PROPOSAL_OPEN', {
        category: 'conflict',
        field: 'boundary.boundaryId',
        message: 'Boundary t-budget is under consent in proposal p-1; close or withdraw that first.',
      });
    expect(rejection.details).toEqual({ proposalId: 'p-1' });
  });

  it('cannot be removed directly while a proposal to remove it is open', () => {
    spec
      .given([...withBudget, proposal('p-1', { action: 'remove', boundaryId: 't-budget' })])
      .when(remove('t-budget'), because('shortcut'))
      .thenRejects('BOUNDARY.PROPOSAL_OPEN', { category: 'conflict', field: 'boundaryId', details: { proposalId: 'p-1' } });
  });

  it('does not hold up changes of other boundaries', () => {
    spec
      .given([...withBudget, proposal('p-1', { action: 'set', boundary: financial('t-budget', 4000) }), proposal('p-2', { action: 'remove', boundaryId: 't-other' })])
      .when(remove('b-safety'), because('the unit covers it'))
      .then([{ type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 'b-safety', previous: safety, removedBy: COACH, removedAt: now, reason: 'the unit covers it', proposalId: null } }]);
  });

  it.each<[string, TeamEvent]>([
    ['withdrawn', { type: 'BoundaryChangeWithdrawn', data: { teamId: TEAM, proposalId: 'p-1', withdrawnBy: COACH, withdrawnAt: T0, reason: 'x' } }],
    ['lapsed', { type: 'BoundaryChangeLapsed', data: { teamId: TEAM, proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: 'x', lapsedBy: COACH, lapsedAt: T0 } }],
  ])('is free again for a direct change once its proposal is %s', (_status, closed) => {
    spec
      .given([...withBudget, proposal('p-1', { action: 'set', boundary: financial('t-budget', 4000) }), closed])
      .when(set(financial('t-budget', 1000)), because('tighter'))
      .then([
        {
          type: 'TeamBoundarySet',
          data: { teamId: TEAM, boundary: financial('t-budget', 1000), previous: financial('t-budget', 2500), setBy: COACH, setAt: now, reason: 'tighter', proposalId: null },
        },
      ]);
  });
});
