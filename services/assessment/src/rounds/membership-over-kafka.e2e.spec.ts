import { resolve } from 'node:path';
import { describeWithServer } from '@leerzone/test-servers';
import { ServiceStack, untilStatus as until } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../../..');

const SAFETY_ITEMS = ['ps-1', 'ps-2', 'ps-3', 'ps-4', 'ps-5', 'ps-6', 'ps-7'];
const REVERSED = new Set(['ps-1', 'ps-3', 'ps-5']);
const answers = (target: number) => [{ instrumentId: 'psychological-safety', version: 1, responses: SAFETY_ITEMS.map((itemId) => ({ itemId, value: REVERSED.has(itemId) ? 8 - target : target })) }];

/**
 * Issue 12 over real Kafka: governance and assessment as separate OS processes (each its
 * built `dist/main.js`, its own store and vault). Assessment learns of teams and members from
 * governance's topic alone: the round's group is the team's members there, a member removed
 * there can no longer answer, added back can.
 */
describeWithServer('kafka', 'assessment and governance as separate processes over Kafka: membership decides who may answer', (kafka) => {
  let stack: ServiceStack;
  let cora: string;
  const members: Record<string, string> = {};

  beforeAll(async () => {
    stack = await ServiceStack.start({ brokers: await kafka(), servicesDir: SERVICES, services: ['governance', 'assessment'], label: 'assessment' });
    cora = await stack.token('acme', 'cora', ['coach']);
    for (const id of ['anna', 'bram', 'chen', 'dirk', 'eva']) members[id] = await stack.token('acme', id, ['member']);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const call = (service: string, method: string, path: string, token: string, body?: unknown) => stack.call(service, method, path, token, body);
  const ok = (service: string, method: string, path: string, token: string, body?: unknown) => stack.ok(service, method, path, token, body);
  const governance = 'governance';
  const assessment = 'assessment';

  it('opens a round for governance’s members; removed there, a member cannot answer; added back, can; the round closes with results', async () => {
    const { teamId } = (await ok(governance, 'POST', '/api/governance/teams', cora, { name: 'Wijkteam Noord' })) as { teamId: string };
    await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: 'cora', roles: ['coach'] });
    for (const id of Object.keys(members)) await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: id });

    // Until all five members arrived, the group would be below the threshold (422) or cora not yet its coach (403).
    const opened = await until(201, () => call(assessment, 'POST', '/api/assessment/rounds', cora, { teamId, instruments: [{ instrumentId: 'psychological-safety', version: 1 }] }));
    expect(opened).toMatchObject({ status: 201, body: { groupSize: 5, anonymityThreshold: 5 } });
    expect(opened.tookMs).toBeLessThan(10_000);
    const roundId = opened.body['roundId'] as string;
    const answer = (id: string) => call(assessment, 'PUT', `/api/assessment/rounds/${roundId}/my-answer`, members[id]!, { answers: answers(6) });

    for (const id of ['anna', 'bram', 'chen', 'dirk']) expect((await answer(id)).status).toBe(200);
    expect((await call(assessment, 'GET', `/api/assessment/rounds/${roundId}/results`, cora)).body).toEqual({ roundId, kind: 'not-enough-answers-yet' });

    await ok(governance, 'DELETE', `/api/governance/teams/${teamId}/members/eva`, cora, { reason: 'moved to Zuid' });
    const refused = await until(403, () => answer('eva'));
    expect(refused).toMatchObject({ status: 403, body: { code: 'TEAM.NOT_ON_TEAM' } });
    expect(refused.tookMs).toBeLessThan(10_000);
    for (let i = 0; i < 3; i++) expect((await answer('eva')).status).toBe(403);

    await ok(governance, 'POST', `/api/governance/teams/${teamId}/members`, cora, { memberId: 'eva' });
    // Back on the team and still in the round's frozen group: her answer counts.
    expect((await until(200, () => answer('eva'))).status).toBe(200);

    const closed = await ok(assessment, 'POST', `/api/assessment/rounds/${roundId}/close`, cora);
    expect(closed).toMatchObject({ outcome: 'results' });
    const results = await ok(assessment, 'GET', `/api/assessment/rounds/${roundId}/results`, members['anna']!);
    expect(results).toMatchObject({ kind: 'results', results: [{ instrumentId: 'psychological-safety', n: 5, total: { mean: 6, n: 5 } }] });
  }, 180_000);

  it('another tenant cannot reach the team or the round over the separate process either', async () => {
    const gina = await stack.token('globex', 'gina', ['admin']);
    const teams = await ok(governance, 'GET', '/api/governance/teams', cora);
    const teamId = (teams['items'] as Array<{ teamId: string }>)[0]!.teamId;
    expect((await call(assessment, 'GET', `/api/assessment/teams/${teamId}/rounds`, gina)).body).toMatchObject({ code: 'TEAM.NOT_FOUND' });
  });
});
