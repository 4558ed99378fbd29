import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { ServiceProcess, devToken, serviceMain } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 11's proof over real Kafka: governance and okr as separate OS processes (each its
 * built `dist/main.js`, its own store, configured only by environment). OKR learns of teams
 * and members from governance's topic alone: a team created in governance can have
 * objectives within seconds, a member added there may check in, a member removed there may not.
 */
describeWithServer('kafka', 'okr and governance as separate processes over Kafka: membership decides who may check in', (kafka) => {
  let dir: string;
  let namespace: string;
  let governance: ServiceProcess;
  let okr: ServiceProcess;
  let lead: string;
  let cora: string;
  let anna: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-okr-e2e-'));
    namespace = uniqueNamespace('okr');
    const common = {
      KAFKA_BROKERS: await kafka(),
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '4',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      AUTH_DEV_ISSUER: 'true',
      // Both processes accept the same development tokens.
      AUTH_DEV_KEY_FILE: join(dir, 'dev-signing-key.json'),
      OTEL_SDK_DISABLED: 'true',
    };
    governance = new ServiceProcess('governance', serviceMain(SERVICES, 'governance'), { ...common, DATA_DIR: join(dir, 'governance') });
    okr = new ServiceProcess('okr', serviceMain(SERVICES, 'okr'), { ...common, DATA_DIR: join(dir, 'okr') });
    // Governance first: it creates the shared key file the other then reads.
    await governance.start();
    await okr.start();
    lead = await devToken(governance.url, 'acme', 'tess', ['transformation-lead']);
    cora = await devToken(governance.url, 'acme', 'cora', ['coach']);
    anna = await devToken(governance.url, 'acme', 'anna', ['member']);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([governance?.stop(), okr?.stop()]);
    if (namespace) await deleteNamespaceTopics(await kafka(), namespace);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (service: ServiceProcess, method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { code?: string } };
  };
  const ok = async (service: ServiceProcess, method: string, path: string, token: string, body?: unknown) => {
    const answer = await call(service, method, path, token, body);
    if (answer.status >= 300) throw new Error(`${service.name} ${method} ${path} → ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** Repeats `attempt` until it answers `status` (OKR is fed asynchronously over Kafka); returns the answer and how long it took. */
  const until = async (status: number, attempt: () => Promise<{ status: number; body: Record<string, unknown> & { code?: string } }>, timeoutMs = 30_000) => {
    const started = Date.now();
    for (;;) {
      const answer = await attempt();
      if (answer.status === status || Date.now() - started > timeoutMs) return { ...answer, tookMs: Date.now() - started };
      await sleep(100);
    }
  };

  it('a member added in governance checks in (201); removed there, the same check-in is refused (403); added back, accepted again', async () => {
    const { teamId } = (await ok(governance, 'POST', '/api/governance/teams', cora, { name: 'Wijkteam Noord' })) as { teamId: string };
    await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: 'cora', roles: ['coach'] });
    await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: 'anna', roles: ['member'] });

    const { cycleId } = (await ok(okr, 'POST', '/api/okr/cycles', lead, { startsOn: isoDay(-10), endsOn: isoDay(80) })) as { cycleId: string };
    // A team created in governance can have objectives within seconds.
    const defined = await until(201, () => call(okr, 'POST', '/api/okr/objectives', anna, { cycleId, level: 'team', owner: { kind: 'team', id: teamId }, title: 'Shorter waiting lists', commitment: 'committed' }));
    expect(defined.status).toBe(201);
    expect(defined.tookMs).toBeLessThan(10_000);
    const objectiveId = defined.body['objectiveId'] as string;
    for (const [keyResultId, measure] of [
      ['kr-wait', { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' }],
      ['kr-nps', { kind: 'percentage', start: 50, target: 80, direction: 'increase-to' }],
      ['kr-rota', { kind: 'milestone' }],
    ] as const) {
      await ok(okr, 'POST', `/api/okr/objectives/${objectiveId}/key-results`, anna, { keyResultId, title: keyResultId, measure });
    }
    await ok(okr, 'POST', `/api/okr/objectives/${objectiveId}/commit`, anna);
    await ok(okr, 'POST', `/api/okr/cycles/${cycleId}/start`, lead);

    const checkIn = () => call(okr, 'POST', `/api/okr/objectives/${objectiveId}/key-results/kr-wait/check-ins`, anna, { value: 105, confidence: 7 });
    const first = await checkIn();
    expect(first).toMatchObject({ status: 201, body: { status: 'on-track' } });

    await ok(governance, 'DELETE', `/api/governance/teams/${teamId}/members/anna`, cora, { reason: 'moved to Zuid' });
    const refused = await until(403, checkIn);
    expect(refused).toMatchObject({ status: 403, body: { code: 'OKR.NOT_A_MEMBER' } });
    expect(refused.tookMs).toBeLessThan(10_000);
    // Once refused, refused for good: the directory does not flap.
    for (let i = 0; i < 3; i++) expect((await checkIn()).status).toBe(403);

    await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: 'anna', roles: ['member'] });
    const back = await until(201, checkIn);
    expect(back.status).toBe(201);

    // Every accepted check-in is in the history, recorded as a member's.
    const history = await ok(okr, 'GET', `/api/okr/objectives/${objectiveId}/key-results/kr-wait/history`, cora);
    const checkIns = (history['entries'] as Array<{ type: string; by: string; checkedInAs: string }>).filter((e) => e.type === 'KeyResultCheckedIn');
    expect(checkIns.length).toBeGreaterThanOrEqual(2);
    expect(checkIns.every((e) => e.by === 'anna' && e.checkedInAs === 'member')).toBe(true);
  }, 180_000);

  it('another tenant cannot reach the team or the objective over the separate process either', async () => {
    const gina = await devToken(governance.url, 'globex', 'gina', ['admin']);
    const listed = await ok(okr, 'GET', '/api/okr/objectives', gina);
    expect(listed['items']).toEqual([]);
  });
});
