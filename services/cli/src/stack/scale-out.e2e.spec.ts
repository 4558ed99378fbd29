import { join } from 'node:path';
import { AssignerProtocol, Kafka } from 'kafkajs';
import { deployedService } from '../deploy/topology';
import { describeWithStack, until } from '../testing/stack-for-test';
import { localInfrastructure, repositoryRoot } from './local-infrastructure';
import { health, planInstances, spawnInstance, stopProcess, waitReady } from './stack-runner';
import { isAlive, readStackState, type StackProcess, type StackState } from './stack-state';

// Scale-out of a consuming service: two analytics instances in one consumer group share
// the partitions; one is killed with SIGKILL mid-stream, the other takes its partitions
// over, and the read model then equals a rebuild (a fresh instance on a fresh database
// reading the topic from the start).
type Teams = { items: Array<{ teamId: string }>; summary: unknown };

describeWithStack('analytics scaled out', 'scale', { KAFKA_SESSION_TIMEOUT_MS: '6000' }, (stack) => {
  const { name, runDir } = stack;
  let state: StackState;
  let rebuild: StackProcess | undefined;
  let kafka: Kafka;

  beforeAll(() => {
    kafka = new Kafka({ brokers: stack.env['KAFKA_BROKERS']!.split(','), clientId: 'scale-e2e' });
    stack.dropAfter(`${name}_analytics_rebuild`);
  });
  afterAll(async () => {
    if (rebuild) await stopProcess(rebuild.pid, 5_000);
  });

  // The team overview's group, as the analytics instance reports it in its readiness (its name carries the read model's generation).
  let group: string | undefined;
  const analyticsGroup = async (): Promise<{ group: string; members: Array<{ memberId: string; partitions: number[] }> }> => {
    group ??= (await health(state.processes.find((p) => p.service === 'analytics')!)).consumers.find((c) => c.group.startsWith('analytics.team-overview'))?.group;
    if (!group) return { group: '', members: [] };
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [described] = (await admin.describeGroups([group])).groups;
      return {
        group,
        members: (described?.members ?? []).map((m) => {
          const assignment = AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {};
          return { memberId: m.memberId, partitions: [...(assignment[`${name}.governance.events`] ?? [])].sort() };
        }),
      };
    } finally {
      await admin.disconnect();
    }
  };

  const teams = async (p: StackProcess, token: string): Promise<Teams> => {
    const answer = await fetch(`${p.url}/api/analytics/teams?limit=500`, { headers: { authorization: `Bearer ${token}` } });
    if (!answer.ok) throw new Error(`analytics ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as Teams;
  };

  it('shares the partitions between two instances, survives a SIGKILL of one, and ends equal to a rebuild', async () => {
    const up = await stack.cli(['stack', 'up', '--name', name, '--run-dir', runDir, '--free-ports', '--partitions', '4', '--scale', 'analytics=2']);
    expect({ code: up.code, err: up.code === 0 ? '' : up.err }).toEqual({ code: 0, err: '' });
    state = readStackState(runDir)!;
    const governance = state.processes.find((p) => p.service === 'governance')!;
    const [first, second] = state.processes.filter((p) => p.service === 'analytics');

    // Two members, each with partitions of governance's topic, together all four, none twice.
    const shared = await until('two members with partitions', async () => {
      const g = await analyticsGroup();
      return g.members.length === 2 && g.members.every((m) => m.partitions.length > 0) ? g : undefined;
    });
    expect(shared.members.flatMap((m) => m.partitions).sort()).toEqual([0, 1, 2, 3]);

    const token = ((await (await fetch(`${governance.url}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: 'scale', userId: 'tess', roles: ['transformation-lead'] }) })).json()) as { access_token: string }).access_token;
    const created: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Midway, the second instance dies without a goodbye: no commit, no leaving the group.
      if (i === 12) {
        process.kill(second!.pid, 'SIGKILL');
        await until('the second instance gone', async () => (isAlive(second!.pid) ? undefined : true), 10_000);
      }
      const answer = await fetch(`${governance.url}/api/governance/teams`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Team ${i}` }) });
      expect(answer.status).toBe(201);
      created.push(((await answer.json()) as { teamId: string }).teamId);
    }

    // The survivor takes every partition over (after the session timeout) and catches up.
    const alone = await until('one member with all partitions', async () => {
      const g = await analyticsGroup();
      return g.members.length === 1 && g.members[0]!.partitions.length === 4 ? g : undefined;
    });
    expect(alone.members[0]!.partitions).toEqual([0, 1, 2, 3]);
    const survivor = await until('the survivor to show all 30 teams', async () => {
      const answer = await teams(first!, token);
      return created.every((id) => answer.items.some((t) => t.teamId === id)) ? answer : undefined;
    });
    expect(survivor.items).toHaveLength(30);

    // A rebuild: a fresh analytics instance, its own database, a new generation, the topic from the start.
    const infra = localInfrastructure({ kafkaBrokers: stack.env['KAFKA_BROKERS']!, mongoUrl: stack.env['MONGO_URL']!, pgUrl: stack.env['PG_URL']! }, name, runDir, stack.env, 4);
    const [plan] = planInstances(infra, new Map([['analytics', 3]]), true).filter((p) => p.service.name === 'analytics' && p.instance === 3);
    const rebuildPlan = { ...plan!, env: { ...plan!.env, PROJECTION_STORE_URL: `${infra.mongoUrl}${name}_analytics_rebuild` } };
    expect(rebuildPlan.service).toBe(deployedService('analytics'));
    rebuild = await spawnInstance(rebuildPlan, join(repositoryRoot(), 'services/analytics/dist/main.js'), runDir, 60_000, stack.env);
    await waitReady(rebuild, 60_000);
    const rebuilt = await until('the rebuild to show all 30 teams', async () => {
      const answer = await teams(rebuild!, token);
      return answer.items.length >= 30 ? answer : undefined;
    });
    const byId = (t: Teams) => ({ ...t, items: [...t.items].sort((a, b) => a.teamId.localeCompare(b.teamId)) });
    expect(byId(await teams(first!, token))).toEqual(byId(rebuilt));
    // Six processes (the second analytics after every first instance), a session timeout and a rebuild on a shared machine.
  }, 600_000);
});
