import { GOVERNANCE_PROJECTIONS } from '@leerzone/governance-service';
import { openEventStore } from '@leerzone/event-store';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { readModelChecksum, rebuildProjection, type ProjectionDefinition } from '@leerzone/projections';
import { Client } from 'pg';
import { eventStoreUrlFor } from '../deploy/topology';
import { describeWithStack, until } from '../testing/stack-for-test';
import { isAlive, readStackState, type StackProcess, type StackState } from './stack-state';

// Scale-out of a writing service: two governance instances on one PostgreSQL store both take
// commands, while its relay and its projection runners run in the one instance holding their
// lease. The holder is killed with SIGKILL; the other takes both leases over; a consumer on the
// topic sees every stream in order (a repeat only of what it already saw), and governance's read
// models equal a rebuild from the store.
/** What one instance says of its relay and its projections in /health/ready. */
interface Role {
  readonly relay: string | undefined;
  readonly projections: string[];
  readonly ready: boolean;
}
const roleOf = async (p: StackProcess): Promise<Role | undefined> => {
  try {
    const answer = await fetch(`${p.url}/health/ready`, { signal: AbortSignal.timeout(3_000) });
    const body = (await answer.json()) as { checks?: Record<string, { details?: Record<string, unknown> }> };
    const relays = (body.checks?.['messaging']?.details?.['relays'] ?? {}) as Record<string, { lease?: string }>;
    const projections = (body.checks?.['projections']?.details?.['projections'] ?? []) as Array<{ state: string }>;
    return { relay: relays['governance->kafka']?.lease, projections: [...new Set(projections.map((s) => s.state))], ready: answer.status === 200 };
  } catch {
    return undefined;
  }
};
const leads = (role: Role | undefined) => role?.relay === 'leading' && role.projections.length > 0 && role.projections.every((s) => s === 'live');
const standsBy = (role: Role | undefined) => role?.relay === 'standby' && role.projections.length > 0 && role.projections.every((s) => s === 'standby');

describeWithStack('governance scaled out', 'wscale', { KAFKA_SESSION_TIMEOUT_MS: '6000' }, (stack) => {
  const { name, runDir } = stack;
  const rebuiltDatabase = `${name}_governance_rebuild`;
  let state: StackState | undefined;
  let bus: KafkaEventBus | undefined;

  beforeAll(() => stack.dropAfter(rebuiltDatabase));
  afterAll(async () => {
    await bus?.close();
  });

  it('takes commands in both instances, relays and projects once, hands over on SIGKILL, and ends in order and equal to a rebuild', async () => {
    const up = await stack.cli(['stack', 'up', '--name', name, '--run-dir', runDir, '--free-ports', '--partitions', '4', '--scale', 'governance=2', '--timeout', '240']);
    expect({ code: up.code, err: up.code === 0 ? '' : up.err }).toEqual({ code: 0, err: '' });
    state = readStackState(runDir)!;
    const [first, second] = state.processes.filter((p) => p.service === 'governance') as [StackProcess, StackProcess];
    expect(second.instance).toBe(2);

    // The first instance came up alone, so it holds both leases; the second stands by (and is ready).
    const roles = await until('one leader and one standby', async () => {
      const [a, b] = [await roleOf(first), await roleOf(second)];
      return leads(a) && standsBy(b) ? [a!, b!] : undefined;
    });
    expect(roles.map((r) => r.ready)).toEqual([true, true]);

    // A consumer of governance's topic that records the order it sees each stream in.
    const seen: Array<{ streamId: string; streamPosition: number; globalPosition: number }> = [];
    bus = new KafkaEventBus({ brokers: stack.env['KAFKA_BROKERS']!.split(','), clientId: `${name}-watcher`, namespace: name });
    await bus.subscribe({
      group: `${name}.order-watcher`,
      sources: ['governance'],
      handle: async (deliveries) => {
        for (const { event } of deliveries) seen.push({ streamId: event.streamId, streamPosition: event.streamPosition, globalPosition: event.globalPosition });
      },
    });

    const token = ((await (await fetch(`${first.url}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: 'wscale', userId: 'tess', roles: ['transformation-lead'] }) })).json()) as { access_token: string }).access_token;
    const call = (p: StackProcess, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${p.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    // Both instances take commands on the same team at once; the expected-version check keeps the stream whole.
    const created = await call(second, 'POST', '/api/governance/teams', { name: 'Team Shared' });
    expect(created.status).toBe(201);
    const { teamId } = (await created.json()) as { teamId: string };
    // Without If-Match each command re-reads and retries on a conflict (3 times), so under this
    // contention some are answered 409 after their retries — and then wrote nothing.
    const renames = await Promise.all(Array.from({ length: 12 }, (_, i) => call(i % 2 === 0 ? first : second, 'PATCH', `/api/governance/teams/${teamId}`, { name: `Team Shared ${i}` })));
    const statuses = renames.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const acknowledged = statuses.filter((s) => s === 200).length;
    expect(acknowledged).toBeGreaterThanOrEqual(2);
    // The standby instance answers from the leader's read model, its own writes included (read-your-writes).
    const read = await fetch(`${second.url}/api/governance/teams/${teamId}`, { headers: { authorization: `Bearer ${token}` } });
    const team = (await read.json()) as { version: number; name: string };
    expect(team.version).toBe(1 + acknowledged);
    // The same If-Match through both instances: one wins, the other is refused and writes nothing.
    const contested = await Promise.all([first, second].map((p, i) => call(p, 'PATCH', `/api/governance/teams/${teamId}`, { name: `Contested ${i}` }, { 'If-Match': `"${team.version}"` })));
    expect(contested.map((r) => r.status).sort()).toEqual([200, 412]);

    const pg = new Client({ connectionString: stack.env['PG_URL'] });
    await pg.connect();
    const schema = `${name}_governance`;
    const positions = async (): Promise<number[]> =>
      (await pg.query<{ p: string }>(`SELECT stream_position AS p FROM "${schema}".events WHERE stream_id LIKE $1 ORDER BY global_position`, [`%${teamId}`])).rows.map((r) => Number(r.p));
    try {
      // One event per acknowledged command, none for a refused one, no gap and no position twice.
      expect(await positions()).toEqual(Array.from({ length: 2 + acknowledged }, (_, i) => i + 1));

      // More teams through both instances; midway the leader dies without a goodbye.
      const teams: string[] = [teamId];
      let killedAt = 0;
      for (let i = 0; i < 24; i++) {
        if (i === 10) {
          process.kill(first.pid, 'SIGKILL');
          await until('the leader gone', async () => (isAlive(first.pid) ? undefined : true), 10_000);
          killedAt = Date.now();
        }
        const target = i < 10 && i % 2 === 0 ? first : second;
        const answer = await call(target, 'POST', '/api/governance/teams', { name: `Team ${i}` });
        expect(answer.status).toBe(201);
        teams.push(((await answer.json()) as { teamId: string }).teamId);
      }
      // The survivor takes both leases over once the server has ended the dead session.
      await until('the survivor to lead', async () => (leads(await roleOf(second)) ? true : undefined), 60_000);
      const takeoverMs = Date.now() - killedAt;
      console.log(`governance scale-out: the survivor led ${takeoverMs} ms after the SIGKILL (relay and projections).`);

      // Every event in the store reached the topic; per stream the consumer saw positions in
      // order, and anything seen twice it had seen before (the at-least-once repeat of the batch in flight).
      const head = Number((await pg.query<{ h: string }>(`SELECT coalesce(max(global_position), 0) AS h FROM "${schema}".events`)).rows[0]!.h);
      const streams = (await pg.query<{ s: string; v: string }>(`SELECT stream_id AS s, max(stream_position) AS v FROM "${schema}".events GROUP BY stream_id`)).rows
        .filter((row) => teams.some((id) => row.s.endsWith(id)))
        .map((row) => ({ streamId: row.s, version: Number(row.v) }));
      expect(streams).toHaveLength(teams.length);
      await until(
        'the consumer to see every team stream to its end',
        async () => (streams.every(({ streamId, version }) => seen.some((e) => e.streamId === streamId && e.streamPosition === version)) ? true : undefined),
        60_000,
      );
      const perStream = new Map<string, number>();
      let repeats = 0;
      for (const { streamId, streamPosition } of seen) {
        const last = perStream.get(streamId) ?? 0;
        if (streamPosition <= last) {
          repeats++;
          continue;
        }
        expect({ streamId, streamPosition }).toEqual({ streamId, streamPosition: last + 1 });
        perStream.set(streamId, streamPosition);
      }
      expect(streams.filter(({ streamId, version }) => perStream.get(streamId) !== version)).toEqual([]);
      console.log(`governance scale-out: ${seen.length} deliveries of ${head} events, ${repeats} repeats.`);

      // The survivor answers every team, and its read models equal a rebuild from the store.
      await until('the survivor to show every team', async () => {
        const answer = await fetch(`${second.url}/api/governance/teams?limit=100`, { headers: { authorization: `Bearer ${token}` } });
        const text = await answer.text();
        return answer.ok && teams.every((id) => text.includes(id)) ? true : undefined;
      });
      await until('the survivor’s projections to reach the head', async () => {
        const answer = await fetch(`${second.url}/health/ready`);
        const body = (await answer.json()) as { checks: { projections: { details: { projections: Array<{ position: number }> } } } };
        return body.checks.projections.details.projections.every((s) => s.position >= head) ? true : undefined;
      });
    } finally {
      await pg.end();
    }
    const store = await openEventStore(eventStoreUrlFor('governance', { kind: 'postgres', url: stack.env['PG_URL']!, schemaPrefix: `${name}_` }));
    const base = stack.env['MONGO_URL']!.replace(/\/[^/?]*(\?.*)?$/, '/');
    const live = await openProjectionStore(`${base}${name}_governance`);
    const fresh = await openProjectionStore(`${base}${rebuiltDatabase}`);
    try {
      for (const projection of GOVERNANCE_PROJECTIONS as readonly ProjectionDefinition[]) {
        await rebuildProjection({ eventStore: store, store: fresh, projection });
        expect({ projection: projection.name, checksum: (await readModelChecksum(live, projection)).sha256 }).toEqual({
          projection: projection.name,
          checksum: (await readModelChecksum(fresh, projection)).sha256,
        });
      }
    } finally {
      await store.close();
      await live.close();
      await fresh.close();
    }
    // Six processes to start and a rebuild on a shared machine: minutes, not the tier's default two.
  }, 600_000);
});
