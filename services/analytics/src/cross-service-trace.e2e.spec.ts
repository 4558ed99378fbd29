import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { OtlpTestReceiver, type ReceivedSpan } from '@leerzone/observability/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { TEAM_OVERVIEW_PROJECTION } from './teams/read-model/team-overview.projection';
import { ServiceProcess, devToken, serviceMain } from '@leerzone/service-kit/testing';
import { aggregateStreamId } from '@leerzone/kernel';

const SERVICES = resolve(__dirname, '../..');

const UPSTREAM_TRACE = '7d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a';
const UPSTREAM_SPAN = 'aaaaaaaaaaaaaaaa';

/**
 * Issue 7's proof across the real services: a request to the governance process and the
 * projection update it causes in the analytics process are one trace, parent by parent,
 * carried by the event envelope and the Kafka headers. Both processes are configured only
 * through OTEL_* variables and export over OTLP to one local receiver.
 */
describeWithServer('kafka', 'one trace from a governance request to the analytics read model', (kafka) => {
  let receiver: OtlpTestReceiver;
  let dir: string;
  let namespace: string;
  let governance: ServiceProcess;
  let analytics: ServiceProcess;

  beforeAll(async () => {
    receiver = await OtlpTestReceiver.start();
    dir = mkdtempSync(join(tmpdir(), 'leerzone-trace-'));
    namespace = uniqueNamespace('trace');
    const common = {
      KAFKA_BROKERS: await kafka(),
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '2',
      AUTH_DEV_ISSUER: 'true',
      AUTH_DEV_KEY_FILE: join(dir, 'dev-signing-key.json'),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SDK_DISABLED: 'false',
    };
    governance = new ServiceProcess('governance', serviceMain(SERVICES, 'governance'), { ...common, DATA_DIR: join(dir, 'governance') });
    analytics = new ServiceProcess('analytics', serviceMain(SERVICES, 'analytics'), { ...common, DATA_DIR: join(dir, 'analytics') });
    await governance.start();
    await analytics.start();
  });

  afterAll(async () => {
    await Promise.all([governance?.stop(), analytics?.stop()]);
    await receiver?.close();
    if (namespace) await deleteNamespaceTopics(await kafka(), namespace);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('HTTP request → command → append → relay send → Kafka → analytics process → projection update: one trace id, each span the parent of the next', async () => {
    const lead = await devToken(governance.url, 'acme', 'tess', ['transformation-lead']);
    const response = await fetch(`${governance.url}/api/governance/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}`, traceparent: `00-${UPSTREAM_TRACE}-${UPSTREAM_SPAN}-01` },
      body: JSON.stringify({ name: 'Traced team' }),
    });
    expect(response.status).toBe(201);
    const { teamId } = (await response.json()) as { teamId: string };

    const topic = `${namespace}.governance.events`;
    // Each process exports its spans in batches of its own, and a child span may be exported
    // before its parent: wait for every span the assertions name, in both services.
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['governance', 'POST /api/governance/teams'],
      ['governance', 'command CreateTeam'],
      ['governance', `send ${topic}`],
      ['analytics', `process ${topic}`],
      ['analytics', `project ${TEAM_OVERVIEW_PROJECTION}`],
    ];
    const spans = await receiver.waitFor((received) => expected.every(([service, name]) => received.some((s) => s.traceId === UPSTREAM_TRACE && s.service === service && s.name === name)), 60_000);
    const inTrace = spans.filter((span) => span.traceId === UPSTREAM_TRACE);
    const find = (service: string, name: string, parent?: ReceivedSpan): ReceivedSpan => {
      const span = inTrace.find((s) => s.service === service && s.name === name && (!parent || s.parentSpanId === parent.spanId));
      if (!span) throw new Error(`No ${service} span "${name}"${parent ? ` below ${parent.name}` : ''} in the trace; got ${inTrace.map((s) => `${s.service}:${s.name}`).join(', ')}`);
      return span;
    };

    const server = find('governance', 'POST /api/governance/teams');
    const command = find('governance', 'command CreateTeam', server);
    const send = find('governance', `send ${topic}`, command);
    const process = find('analytics', `process ${topic}`, send);
    const project = find('analytics', `project ${TEAM_OVERVIEW_PROJECTION}`, process);

    expect(server.parentSpanId).toBe(UPSTREAM_SPAN);
    expect(server.kind).toBe(2);
    expect(send.kind).toBe(4);
    expect(send.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'send' });
    expect(process.kind).toBe(5);
    expect(process.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'process', 'messaging.message.id': send.attributes['messaging.message.id'] });
    expect(String(process.attributes['messaging.consumer.group.name'])).toMatch(/^analytics\.team-overview\.v3_\d+$/);
    expect(project.attributes).toMatchObject({ 'leerzone.projection.name': TEAM_OVERVIEW_PROJECTION, 'leerzone.event.type': 'TeamCreated', 'leerzone.stream.id': aggregateStreamId('team-', 'acme', teamId) });
  });
});
