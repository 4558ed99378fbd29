import type { NewEvent } from '@leerzone/kernel';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { ReadModels, rebuildProjection } from '@leerzone/projections';
import { InMemoryEventStore } from '@leerzone/projections/testing';
import { TeamDirectory, readDirectoryFact, teamDirectoryProjection } from './index';

let n = 0;
const event = (type: string, data: Record<string, unknown>, tenantId = 'acme', schemaVersion = 1): NewEvent => ({
  eventId: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  type,
  schemaVersion,
  tenantId,
  occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(),
  actor: { id: 'ada', kind: 'user' },
  correlationId: `corr-${n}`,
  causationId: `cause-${n}`,
  data,
  metadata: {},
});

describe('team directory', () => {
  it('knows teams, current members and coaches, tenant by tenant', async () => {
    const store = new InMemoryEventStore();
    await store.append('team-t1', [
      event('TeamCreated', { teamId: 't1', name: 'Noord', unitId: null, purpose: null, createdBy: 'ada', createdAt: '2026-03-01T10:00:00.000Z' }),
      event('MemberAdded', { teamId: 't1', memberId: 'mia', roles: ['member'] }),
      event('MemberAdded', { teamId: 't1', memberId: 'cas', roles: ['member', 'coach'] }),
      event('MemberAdded', { teamId: 't1', memberId: 'lou', roles: ['member'] }),
      event('MemberRemoved', { teamId: 't1', memberId: 'lou', reason: null }),
      event('MemberRolesChanged', { teamId: 't1', memberId: 'mia', previousRoles: ['member'], roles: ['member', 'coach'] }),
      event('TeamRenamed', { teamId: 't1', previousName: 'Noord', name: 'Noord-Oost' }),
      event('TeamMovedToUnit', { teamId: 't1', previousUnitId: null, unitId: 'care', reason: 'x' }),
      event('YesGiven', { teamId: 't1', memberId: 'cas' }),
    ], { expectedVersion: 0 });
    await store.append('team-t2', [event('TeamCreated', { teamId: 't2', name: 'Elsewhere', unitId: 'u9' }, 'globex'), event('MemberAdded', { teamId: 't2', memberId: 'mia', roles: ['member'] }, 'globex')], {
      expectedVersion: 0,
    });
    const projections = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore: store, store: projections, projection: teamDirectoryProjection('okr') });
    const readModels = new ReadModels(projections);
    const directory = new TeamDirectory(() => readModels, 'okr');

    expect(await directory.team('acme', 't1')).toEqual({ teamId: 't1', name: 'Noord-Oost', unitId: 'care' });
    expect(await directory.relation('acme', 't1', 'cas')).toBe('coach');
    expect(await directory.relation('acme', 't1', 'mia')).toBe('coach');
    expect(await directory.relation('acme', 't1', 'lou')).toBe('none');
    expect(await directory.relation('acme', 't1', 'nobody')).toBe('none');
    expect((await directory.currentMembers('acme', 't1')).map((m) => m.memberId)).toEqual(['cas', 'mia']);
    // Another tenant's team and membership do not exist for acme, and the other way round.
    expect(await directory.team('acme', 't2')).toBeNull();
    expect(await directory.relation('acme', 't2', 'mia')).toBe('none');
    expect(await directory.relation('globex', 't2', 'mia')).toBe('member');
    expect(await directory.teamsOf('acme', 'mia')).toEqual([{ teamId: 't1', roles: ['member', 'coach'] }]);
  });

  it('refuses a read event type it cannot understand, naming the field, and ignores the others', () => {
    expect(readDirectoryFact({ type: 'DecisionRecorded', schemaVersion: 1, data: {} })).toBeUndefined();
    expect(() => readDirectoryFact({ type: 'MemberAdded', schemaVersion: 1, data: { teamId: 't1', roles: ['member'] } })).toThrow(expect.objectContaining({ field: 'data.memberId' }));
    expect(() => readDirectoryFact({ type: 'MemberAdded', schemaVersion: 1, data: { teamId: 't1', memberId: 'm', roles: 'member' } })).toThrow(expect.objectContaining({ field: 'data.roles' }));
    expect(() => readDirectoryFact({ type: 'TeamRenamed', schemaVersion: 2, data: { teamId: 't1', name: 'x' } })).toThrow(expect.objectContaining({ field: 'schemaVersion' }));
  });
});
