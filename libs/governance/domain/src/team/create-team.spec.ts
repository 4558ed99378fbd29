import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider, teamStreamId } from './team.decider';
import type { TeamEvent } from './team.events';
import { expect } from '@jest/globals';

const spec = DeciderSpecification.for(teamDecider);
const now = new Date('2026-02-01T08:30:00.000Z');
const coach = { id: 'user-coach', kind: 'user' as const };

const created: TeamEvent = {
  type: 'TeamCreated',
  data: { teamId: 'team-a', name: 'Wijkteam Noord', unitId: 'unit-care', purpose: null, createdBy: 'user-coach', createdAt: '2026-02-01T08:30:00.000Z' },
};

describe('CreateTeam', () => {
  it('creates a team, recording who created it and when', () => {
    spec
      .given([])
      .when({ type: 'CreateTeam', data: { teamId: 'team-a', name: '  Wijkteam Noord ', unitId: 'unit-care' } }, { now, actor: coach })
      .then([created]);
  });

  it('records a team without unit and with a purpose', () => {
    spec
      .given([])
      .when({ type: 'CreateTeam', data: { teamId: 'team-b', name: 'Pilot', purpose: 'Care close to home' } }, { now, actor: coach })
      .then([
        {
          type: 'TeamCreated',
          data: { teamId: 'team-b', name: 'Pilot', unitId: null, purpose: 'Care close to home', createdBy: 'user-coach', createdAt: '2026-02-01T08:30:00.000Z' },
        },
      ]);
  });

  it('rejects creating the same team twice', () => {
    spec
      .given([created])
      .when({ type: 'CreateTeam', data: { teamId: 'team-a', name: 'Again' } })
      .thenRejects('TEAM.ALREADY_EXISTS', { category: 'conflict' });
  });

  it.each([[''], ['   '], ['x'.repeat(121)]])('rejects the name %j', (name) => {
    spec.given([]).when({ type: 'CreateTeam', data: { teamId: 'team-a', name } }).thenRejects('TEAM.NAME_INVALID', { field: 'name', category: 'invalid' });
  });

  it('accepts a name of exactly 120 characters', () => {
    const name = 'n'.repeat(120);
    spec
      .given([])
      .when({ type: 'CreateTeam', data: { teamId: 'team-a', name } }, { now, actor: coach })
      .then([{ type: 'TeamCreated', data: { teamId: 'team-a', name, unitId: null, purpose: null, createdBy: 'user-coach', createdAt: now.toISOString() } }]);
  });

  it('rejects an empty team id and an empty unit id', () => {
    spec.given([]).when({ type: 'CreateTeam', data: { teamId: '', name: 'A' } }).thenRejects('TEAM.ID_INVALID', { field: 'teamId' });
    spec.given([]).when({ type: 'CreateTeam', data: { teamId: 't', name: 'A', unitId: ' ' } }).thenRejects('TEAM.UNIT_INVALID', { field: 'unitId' });
  });

  it('folds TeamCreated into state and names the stream', () => {
    const state = teamDecider.evolve(teamDecider.initialState, created);
    expect(state).toMatchObject({ exists: true, teamId: 'team-a', name: 'Wijkteam Noord', unitId: 'unit-care' });
    expect(teamStreamId('acme', 'team-a')).toBe('team-4:acme:team-a');
  });
});
