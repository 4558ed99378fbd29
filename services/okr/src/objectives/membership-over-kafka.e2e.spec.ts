import { resolve } from 'node:path';
import { describeWithServer } from '@leerzone/test-servers';
import { ServiceStack, untilStatus as until } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../../..');
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 11's proof over real Kafka: governance and okr as separate OS processes (each its
 * built `dist/main.js`, its own store, configured only by environment). OKR learns of teams
 * and members from governance's topic alone: a team created in governance can have
 * objectives within seconds, a member added there may check in, a member removed there may not.
 */
describeWithServer('kafka', 'okr and governance as separate processes over Kafka: membership decides who may check in', (kafka) => {
  let stack: ServiceStack;
  let lead: string;
  let cora: string;
  let anna: string;

  beforeAll(async () => {
    stack = await ServiceStack.start({ brokers: await kafka(), servicesDir: SERVICES, services: ['governance', 'okr'], label: 'okr' });
    lead = await stack.token('acme', 'tess', ['transformation-lead']);
    cora = await stack.token('acme', 'cora', ['coach']);
    anna = await stack.token('acme', 'anna', ['member']);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const call = (service: string, method: string, path: string, token: string, body?: unknown) => stack.call(service, method, path, token, body);
  const ok = (service: string, method: string, path: string, token: string, body?: unknown) => stack.ok(service, method, path, token, body);
  const governance = 'governance';
  const okr = 'okr';

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
    const gina = await stack.token('globex', 'gina', ['admin']);
    const listed = await ok(okr, 'GET', '/api/okr/objectives', gina);
    expect(listed['items']).toEqual([]);
  });
});
