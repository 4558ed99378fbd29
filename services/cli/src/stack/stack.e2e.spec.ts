import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { DEPLOYED_SERVICES } from '../deploy/topology';
import { describeWithStack, until } from '../testing/stack-for-test';
import { isAlive, readStackState, type StackState } from './stack-state';

// `stack up`, `stack status` and `stack down` over the real local servers: every service as
// its own process, under a name of its own (Kafka namespace, databases, schemas), so it
// collides with nothing else that runs.
interface StatusJson {
  name: string;
  processes: Array<{ service: string; instance: number; pid: number; url: string; running: boolean; ready: boolean; reason?: string; consumerGroups: Record<string, number | null> }>;
}

describeWithStack('stack up / status / down', 'e2e', {}, (stack) => {
  const { name, runDir } = stack;
  const cli = (args: string[]) => stack.cli(args);
  let state: StackState | undefined;

  it('refuses to scale a service that does not exist, naming the ones there are', async () => {
    const answer = await cli(['stack', 'up', '--name', name, '--run-dir', runDir, '--scale', 'reports=2']);
    expect(answer.code).toBe(1);
    expect(answer.err).toContain(`there is no service "reports" (services: ${DEPLOYED_SERVICES.map((s) => s.name).join(', ')})`);
    expect(readStackState(runDir)).toBeUndefined();
  });

  it('starts every service as its own process, analytics twice, and prints where each listens', async () => {
    const answer = await cli(['stack', 'up', '--name', name, '--run-dir', runDir, '--free-ports', '--partitions', '4', '--scale', 'analytics=2']);
    expect({ code: answer.code, err: answer.code === 0 ? '' : answer.err }).toEqual({ code: 0, err: '' });
    state = readStackState(runDir)!;
    // Every service of the topology once, analytics twice, in the topology's order.
    const expected = DEPLOYED_SERVICES.flatMap((s) => (s.name === 'analytics' ? [`${s.name}#1`, `${s.name}#2`] : [`${s.name}#1`]));
    expect(state.processes.map((p) => `${p.service}#${p.instance}`)).toEqual(expected);
    expect(new Set(state.processes.map((p) => p.pid)).size).toBe(expected.length);
    for (const p of state.processes) {
      expect(isAlive(p.pid)).toBe(true);
      expect(answer.out).toContain(p.url);
    }
    // Each process has its own data dir and the topology's configuration (its own schema and database).
    expect(new Set(state.processes.map((p) => p.dataDir)).size).toBe(expected.length);
    expect(state.pgSchemas).toContain(`${name}_governance`);
    expect(state.mongoDatabases).toContain(`${name}_failure_learning`);
  });

  it('refuses a second stack from the same run directory', async () => {
    const again = await cli(['stack', 'up', '--name', name, '--run-dir', runDir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('A stack already runs from');
  });

  it('shows each process ready, with its consumer groups and their lag — the two analytics instances in one group', async () => {
    const status = await cli(['stack', 'status', '--run-dir', runDir, '--json']);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.out) as StatusJson;
    expect(parsed.processes.every((p) => p.running && p.ready)).toBe(true);
    const analytics = parsed.processes.filter((p) => p.service === 'analytics');
    expect(analytics).toHaveLength(2);
    expect(Object.keys(analytics[0]!.consumerGroups).length).toBeGreaterThan(0);
    expect(Object.keys(analytics[0]!.consumerGroups)).toEqual(Object.keys(analytics[1]!.consumerGroups));
    expect(Object.values(parsed.processes.find((p) => p.service === 'okr')!.consumerGroups).every((lag) => typeof lag === 'number')).toBe(true);
    const text = await cli(['stack', 'status', '--run-dir', runDir]);
    expect(text.out).toMatch(/analytics#2\s+\d+\s+http:\/\/127\.0\.0\.1:\d+\s+running\s+ready\s+\d+/);
  });

  it('runs the services together: a team created in governance reaches every consumer over the stack’s topics, and status shows lag 0 after', async () => {
    const governance = state!.processes.find((p) => p.service === 'governance')!;
    const token = ((await (await fetch(`${governance.url}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: 'stack', userId: 'tess', roles: ['transformation-lead'] }) })).json()) as { access_token: string }).access_token;
    const created = await fetch(`${governance.url}/api/governance/teams`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Team Stack' }) });
    expect(created.status).toBe(201);
    const { teamId } = (await created.json()) as { teamId: string };
    // Either analytics instance answers from the shared read model.
    for (const instance of state!.processes.filter((p) => p.service === 'analytics')) {
      const seen = await until(`team ${teamId} in ${instance.url}`, async () => {
        const answer = await fetch(`${instance.url}/api/analytics/teams`, { headers: { authorization: `Bearer ${token}` } });
        const text = await answer.text();
        return answer.ok && text.includes(teamId) ? text : undefined;
      });
      expect(seen).toContain('Team Stack');
    }
    // Every consumer group of every process (okr, assessment, failure-learning and analytics
    // read governance's topic) has processed everything: stack status shows lag 0 throughout.
    const settled = await until('lag 0 in every consumer group', async () => {
      const status = await cli(['stack', 'status', '--run-dir', runDir, '--json']);
      const parsed = JSON.parse(status.out) as StatusJson;
      const lags = parsed.processes.flatMap((p) => Object.values(p.consumerGroups));
      return status.code === 0 && lags.length > 0 && lags.every((lag) => lag === 0) ? parsed : undefined;
    }, 60_000);
    const consumers = new Set(settled.processes.filter((p) => Object.keys(p.consumerGroups).some((g) => g.length > 0)).map((p) => p.service));
    expect([...consumers].sort()).toEqual(expect.arrayContaining(['analytics', 'assessment', 'failure-learning', 'okr']));
    // The event went over this stack's namespace, not the default one.
    const admin = new Kafka({ brokers: stack.env['KAFKA_BROKERS']!.split(','), clientId: 'stack-e2e' }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toContain(`${name}.governance.events`);
    } finally {
      await admin.disconnect();
    }
  });

  it('reports a process that died, and exits non-zero', async () => {
    const victim = state!.processes.find((p) => p.service === 'okr')!;
    process.kill(victim.pid, 'SIGKILL');
    await until('the okr process to die', async () => (isAlive(victim.pid) ? undefined : true), 10_000);
    const status = await cli(['stack', 'status', '--run-dir', runDir]);
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/okr\s+\d+\s+\S+\s+down\s+not ready\s+-\s+process is gone/);
  });

  it('stops every process gracefully and removes the stack’s data with --purge', async () => {
    const down = await cli(['stack', 'down', '--run-dir', runDir, '--purge']);
    expect(down.code).toBe(0);
    expect(down.out).toMatch(/governance\s+stopped/);
    expect(down.out).toMatch(/okr\s+was not running/);
    for (const p of state!.processes) expect(isAlive(p.pid)).toBe(false);
    expect(existsSync(join(runDir, 'stack.json'))).toBe(false);
    const admin = new Kafka({ brokers: stack.env['KAFKA_BROKERS']!.split(','), clientId: 'stack-e2e' }).admin();
    await admin.connect();
    try {
      expect((await admin.listTopics()).filter((t) => t.startsWith(`${name}.`))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
    const status = await cli(['stack', 'status', '--run-dir', runDir]);
    expect(status.code).toBe(1);
    expect(status.err).toContain('No stack runs from');
  });
});
