import { resolve } from 'node:path';
import type { StoredEvent } from '@leerzone/kernel';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { testBusOptions } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { ServiceStack, untilStatus } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Governance and failure-learning as separate OS processes (their built `dist/main.js`,
 * configured only by environment) over the real Kafka broker: who may report for a team is
 * what governance says, carried into failure-learning's own team directory over the topic.
 */
describeWithServer('kafka', 'governance and failure-learning as separate processes over Kafka', (kafka) => {
  let stack: ServiceStack;
  let coach: string;
  let mia: string;
  let officer: string;
  let bus: KafkaEventBus;
  let anonymousReportId: string;
  const published: StoredEvent[] = [];
  const governance = 'governance';
  const failureLearning = 'failure-learning';

  beforeAll(async () => {
    stack = await ServiceStack.start({ brokers: await kafka(), servicesDir: SERVICES, services: [governance, failureLearning], label: 'e2e-fl', partitions: 2 });
    coach = await stack.token('acme', 'cora', ['coach']);
    mia = await stack.token('acme', 'mia', ['member']);
    officer = await stack.token('acme', 'olga', ['confidential-officer']);
    // A consumer of the real topic, as another service would be: what failure-learning publishes.
    bus = new KafkaEventBus(testBusOptions(await kafka(), stack.namespace));
    await bus.subscribe({ group: 'e2e-failure-learning-watch', sources: ['failure-learning'], handle: (deliveries) => void published.push(...deliveries.map((d) => d.event)) });
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  const call = (service: string, method: string, path: string, token: string, body?: unknown) => stack.call(service, method, path, token, body);
  /** Retries `send` until its status is `status` (the directory is fed asynchronously over Kafka). */
  const until = (status: number, send: () => ReturnType<typeof call>) => untilStatus(status, send, 60_000, 200);

  const report = (teamId: string) => ({
    teamId,
    expected: 'The evening round is done by 21:00.',
    happened: 'The evening round for room 12 was skipped.',
    context: 'Two colleagues were off sick.',
    impact: { description: 'A missed dose; no lasting harm.' },
    severity: 'medium',
    occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    noticedAt: new Date(Date.now() - 3_600_000).toISOString(),
    area: 'medication',
    tags: ['handover'],
    anonymous: true,
  });

  it('a member added in governance may report in failure-learning; once removed there, they are refused here', async () => {
    const created = await call(governance, 'POST', '/api/governance/teams', coach, { name: 'Wijkteam Noord' });
    expect(created.status).toBe(201);
    const teamId = created.body['teamId'] as string;
    expect((await call(governance, 'POST', `/api/governance/teams/${teamId}/members`, coach, { memberId: 'cora', roles: ['coach'] })).status).toBe(201);

    // Not a member yet: failure-learning does not know the team, or knows mia is not on it.
    expect([403, 404]).toContain((await call(failureLearning, 'POST', '/api/failure-learning/reports', mia, report(teamId))).status);

    expect((await call(governance, 'POST', `/api/governance/teams/${teamId}/members`, coach, { memberId: 'mia' })).status).toBe(201);
    // Poll with a question that writes nothing, then report once.
    const suggest = () => call(failureLearning, 'POST', '/api/failure-learning/lesson-suggestions', mia, { teamId, area: 'medication' });
    expect((await until(200, suggest)).status).toBe(200);
    const reported = await call(failureLearning, 'POST', '/api/failure-learning/reports', mia, report(teamId));
    expect(reported.status).toBe(201);
    const reportId = reported.body['reportId'] as string;
    anonymousReportId = reportId;
    const read = await call(failureLearning, 'GET', `/api/failure-learning/reports/${reportId}`, coach);
    expect(read.body).toMatchObject({ reportId, teamId, reporter: { anonymous: true } });
    expect((await call(failureLearning, 'GET', `/api/failure-learning/reports/${reportId}`, mia)).body).toMatchObject({ reporter: { anonymous: true, you: true } });

    expect((await call(governance, 'DELETE', `/api/governance/teams/${teamId}/members/mia`, coach, { reason: 'moved to Zuid' })).status).toBe(200);
    expect((await until(403, suggest)).status).toBe(403);
    const refused = await call(failureLearning, 'POST', '/api/failure-learning/reports', mia, report(teamId));
    expect(refused).toMatchObject({ status: 403, body: { code: 'TEAM.NOT_A_MEMBER' } });
    expect((await call(failureLearning, 'GET', `/api/failure-learning/reports/${reportId}`, mia)).body).toMatchObject({ code: 'TEAM.NOT_A_MEMBER' });
  }, 120_000);

  it('puts neither the anonymous reporter nor anything of a confidential case on the Kafka topic', async () => {
    const opened = await call(failureLearning, 'POST', '/api/failure-learning/cases', officer, { boundary: 'withheld-crucial-information', concernedPersonId: 'piet', account: 'Kept the failed audit from the team.' });
    expect(opened.status).toBe(201);
    const caseId = opened.body['caseId'] as string;
    expect((await call(failureLearning, 'GET', `/api/failure-learning/cases/${caseId}`, coach)).body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    expect((await call(failureLearning, 'GET', `/api/failure-learning/cases/${caseId}`, officer)).status).toBe(200);
    // A named report after the case: once it is on the topic, the relay has passed every case event.
    const teamId = (await call(failureLearning, 'GET', `/api/failure-learning/reports/${anonymousReportId}`, coach)).body['teamId'] as string;
    const marker = await call(failureLearning, 'POST', '/api/failure-learning/reports', coach, { ...report(teamId), anonymous: false });
    expect(marker.status).toBe(201);
    const deadline = Date.now() + 60_000;
    while (!published.some((e) => e.type === 'FailureReported' && (e.data as { reportId: string }).reportId === marker.body['reportId']) && Date.now() < deadline) await sleep(100);
    expect(published.some((e) => e.type === 'FailureReported' && e.streamId.endsWith(anonymousReportId))).toBe(true);
    expect(published.filter((e) => e.streamId.startsWith('failure-learning-case-') || e.type.startsWith('ConfidentialCase'))).toEqual([]);
    for (const event of published.filter((e) => e.streamId.endsWith(anonymousReportId))) expect(JSON.stringify(event)).not.toContain('mia');
    // The check bites: the named report names its reporter.
    expect(JSON.stringify(published.filter((e) => e.streamId.endsWith(marker.body['reportId'] as string)))).toContain('cora');
  }, 120_000);
});
