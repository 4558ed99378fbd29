import { v7 as uuidv7 } from 'uuid';
import type { EventStore, NewEvent } from '@leerzone/kernel';
import { teamStreamId } from '@leerzone/governance-domain';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';
import { parseTenantStreamId } from '@leerzone/kernel';

/**
 * Another writer that always gets there first: before each append to an armed stream it
 * appends a harmless event of its own, so the caller's expected version is always stale.
 */
function rivalWriter(armed: Set<string>) {
  let rivals = 0;
  const rivalEvent = (streamId: string): NewEvent => {
    const n = ++rivals;
    const teamId = parseTenantStreamId(streamId)?.id ?? streamId.slice('team-'.length);
    return {
      eventId: uuidv7(),
      type: 'DecisionAreaAdded',
      schemaVersion: 1,
      tenantId: 'acme',
      occurredAt: new Date().toISOString(),
      actor: { id: 'rival', kind: 'user' },
      correlationId: `rival-${n}`,
      causationId: `rival-${n}`,
      data: { teamId, area: `rival-${n}`, title: `Rival ${n}`, addedBy: 'rival', addedAt: new Date().toISOString() },
      metadata: {},
    };
  };
  return (store: EventStore): EventStore =>
    new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'append') {
          return async (streamId: string, events: readonly NewEvent[], options: { expectedVersion: number | 'any' }) => {
            if (armed.has(streamId)) await target.append(streamId, [rivalEvent(streamId)], { expectedVersion: 'any' });
            return target.append(streamId, events, options);
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
}

describe('governance HTTP: concurrent edits', () => {
  const armed = new Set<string>();
  let t: ServiceTestApp;
  let cora: Caller;
  let tess: Caller;
  let teamId: string;
  const team = () => `/api/governance/teams/${teamId}`;
  const level = (area: string) => `${team()}/delegation-board/areas/${area}/level`;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService], { wrapStore: rivalWriter(armed) });
    cora = await t.as('cora', ['coach']);
    tess = await t.as('tess', ['transformation-lead']);
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam Oost' })).body.teamId;
  });
  afterAll(async () => t.close());

  it('two concurrent level changes with the same If-Match: one wins, the other gets 412 and writes nothing', async () => {
    const read = await cora.get(team());
    const etag = read.headers['etag'] as string;
    expect(etag).toBe(`"${read.body.version}"`);
    const before = await t.head();
    const [first, second] = await Promise.all([
      cora.put(level('budget-spend'), { level: 3, reason: 'consult us first' }, { 'If-Match': etag }),
      tess.put(level('budget-spend'), { level: 6, reason: 'inquire afterwards' }, { 'If-Match': etag }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 412]);
    const loser = first.status === 412 ? first : second;
    const winner = first.status === 200 ? first : second;
    expectProblem(loser, 412, 'STREAM.VERSION_MISMATCH', 'If-Match');
    expect(loser.body.details).toMatchObject({ currentVersion: read.body.version + 1, expected: [read.body.version] });
    expect(winner.headers['etag']).toBe(`"${read.body.version + 1}"`);
    expect(await t.head()).toBe(before + 1);
    const board = await cora.get(`${team()}/delegation-board`);
    const budgetSpend = board.body.areas.find((a: { area: string }) => a.area === 'budget-spend');
    expect(budgetSpend.level).toBe(winner === first ? 3 : 6);
    // Retrying with the fresh ETag works.
    const retried = await (winner === first ? tess : cora).put(level('budget-spend'), { level: 4, reason: 'agree together' }, { 'If-Match': winner.headers['etag'] as string });
    expectStatus(retried, 200);
  });

  it('without If-Match, concurrent changes to different areas all land (a lost race is re-decided, not refused)', async () => {
    const areas = ['hiring', 'tooling', 'planning', 'working-hours'];
    const before = (await cora.get(team())).body.version as number;
    const responses = await Promise.all(areas.map((area, i) => cora.put(level(area), { level: i + 2, reason: `step ${i}` })));
    responses.forEach((response) => expectStatus(response, 200));
    const after = await cora.get(team());
    expect(after.body.version).toBe(before + areas.length);
    const board = await cora.get(`${team()}/delegation-board`);
    expect(areas.map((area) => board.body.areas.find((a: { area: string }) => a.area === area).level)).toEqual([2, 3, 4, 5]);
  });

  it('answers 409 STREAM.CONCURRENT_MODIFICATION when every retry loses the race, and records nothing of the request', async () => {
    armed.add(teamStreamId('acme', teamId));
    try {
      const response = await cora.put(level('budget-spend'), { level: 7, reason: 'full trust' });
      expectProblem(response, 409, 'STREAM.CONCURRENT_MODIFICATION');
      expect(response.body.detail).toMatch(/try again/);
    } finally {
      armed.clear();
    }
    const auditor = await t.as('ida', ['auditor']);
    const events = (await auditor.get(`${team()}/events`)).body.events as { type: string; actor: { id: string }; data: { level?: number } }[];
    // The first try and three retries each lost to a rival append.
    expect(events.filter((e) => e.actor.id === 'rival')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'DelegationLevelChanged' && e.data.level === 7)).toEqual([]);
    const board = await cora.get(`${team()}/delegation-board`);
    expect(board.body.areas.find((a: { area: string }) => a.area === 'budget-spend').level).toBe(4);
    // Once the rival is gone, the same request succeeds.
    expectStatus(await cora.put(level('budget-spend'), { level: 7, reason: 'full trust' }), 200);
  });

  it('If-Match * requires the resource to exist; a malformed If-Match is a 400', async () => {
    expectStatus(await cora.put(level('tooling'), { level: 6, reason: 'ok' }, { 'If-Match': '*' }), 200);
    const unknown = '00000000-0000-7000-8000-000000000000';
    expectProblem(await tess.put(`/api/governance/teams/${unknown}/delegation-board/areas/tooling/level`, { level: 6, reason: 'x' }, { 'If-Match': '*' }), 404, 'TEAM.NOT_FOUND');
    expectProblem(await cora.put(level('tooling'), { level: 5, reason: 'x' }, { 'If-Match': '7' }), 400, 'REQUEST.INVALID_IF_MATCH', 'If-Match');
    const current = (await cora.get(team())).body.version as number;
    expectStatus(await cora.put(level('tooling'), { level: 5, reason: 'ok' }, { 'If-Match': `"${current - 1}", "${current}"` }), 200);
  });
});
