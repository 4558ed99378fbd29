import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StoredEvent } from '@leerzone/kernel';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { ServiceProcess, devToken, serviceMain } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Governance and failure-learning as separate OS processes (their built `dist/main.js`,
 * configured only by environment) over the real Kafka broker: who may report for a team is
 * what governance says, carried into failure-learning's own team directory over the topic.
 */
describeWithServer('kafka', 'governance and failure-learning as separate processes over Kafka', (kafka) => {
  let dir: string;
  let namespace: string;
  let governance: ServiceProcess;
  let failureLearning: ServiceProcess;
  let coach: string;
  let mia: string;
  let officer: string;
  let bus: KafkaEventBus;
  let anonymousReportId: string;
  const published: StoredEvent[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-failure-learning-e2e-'));
    namespace = uniqueNamespace('e2e-fl');
    const common = {
      KAFKA_BROKERS: await kafka(),
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '2',
      AUTH_DEV_ISSUER: 'true',
      // Both processes accept the same development tokens.
      AUTH_DEV_KEY_FILE: join(dir, 'dev-signing-key.json'),
      OTEL_SDK_DISABLED: 'true',
    };
    governance = new ServiceProcess('governance', serviceMain(SERVICES, 'governance'), { ...common, DATA_DIR: join(dir, 'governance') });
    failureLearning = new ServiceProcess('failure-learning', serviceMain(SERVICES, 'failure-learning'), { ...common, DATA_DIR: join(dir, 'failure-learning') });
    // Governance first: it creates the shared key file the other then reads.
    await governance.start();
    await failureLearning.start();
    coach = await devToken(governance.url, 'acme', 'cora', ['coach']);
    mia = await devToken(governance.url, 'acme', 'mia', ['member']);
    officer = await devToken(governance.url, 'acme', 'olga', ['confidential-officer']);
    // A consumer of the real topic, as another service would be: what failure-learning publishes.
    bus = new KafkaEventBus(testBusOptions(await kafka(), namespace));
    await bus.subscribe({ group: 'e2e-failure-learning-watch', sources: ['failure-learning'], handle: (deliveries) => void published.push(...deliveries.map((d) => d.event)) });
  }, 120_000);

  afterAll(async () => {
    await bus?.close();
    await Promise.all([governance?.stop(), failureLearning?.stop()]);
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
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  /** Retries `send` until its status is `status` (the directory is fed asynchronously over Kafka). */
  const until = async (status: number, send: () => Promise<{ status: number; body: Record<string, unknown> }>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await send();
      if (answer.status === status || Date.now() > deadline) return answer;
      await sleep(200);
    }
  };

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
