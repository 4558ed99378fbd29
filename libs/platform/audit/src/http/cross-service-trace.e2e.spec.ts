import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OtlpTestReceiver, type ReceivedSpan } from '@leerzone/observability/testing';
import { TsProcess, deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';

const PROCESSES = resolve(__dirname, '../testing/processes');
// The workspace has no tsconfig.json; point swc at the base config so Nest's decorators compile.
const SWC_NODE_PROJECT = resolve(__dirname, '../../../../../tsconfig.base.json');
const UPSTREAM_TRACE = '5a2b6c8d1e3f4a5b6c7d8e9f0a1b2c3d';

/**
 * The issue's proof, across separate OS processes over the real broker: an HTTP request
 * in one service, the relay, Kafka, and a projection update and a follow-up command in
 * another service are one trace (and one correlation). Both processes export over OTLP to
 * one local receiver, configured only through OTEL_* variables.
 */
describeWithServer('kafka', 'one trace across services', (brokers) => {
  let receiver: OtlpTestReceiver;
  let governance: TsProcess;
  let analytics: TsProcess;
  let namespace: string;
  let dir: string;

  beforeAll(async () => {
    receiver = await OtlpTestReceiver.start();
    namespace = uniqueNamespace('trace');
    dir = mkdtempSync(join(tmpdir(), 'leerzone-trace-e2e-'));
    const common = { SWC_NODE_PROJECT, KAFKA_BROKERS: await brokers(), TEST_NAMESPACE: namespace, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_METRICS_EXPORTER: 'none', OTEL_BSP_SCHEDULE_DELAY: '100' };
    governance = new TsProcess(join(PROCESSES, 'commanding-service.process.ts'), { ...common, OTEL_SERVICE_NAME: 'governance', TEST_CHECKPOINT_FILE: join(dir, 'relay.db') });
    analytics = new TsProcess(join(PROCESSES, 'projecting-service.process.ts'), common);
    await Promise.all([governance.waitForLine((line) => line.startsWith('READY'), 'governance ready'), analytics.waitForLine((line) => line === 'READY', 'analytics ready')]);
  });
  afterAll(async () => {
    await Promise.all([governance?.terminate(), analytics?.terminate()]);
    await receiver?.close();
    if (namespace) await deleteNamespaceTopics(await brokers(), namespace);
    rmSync(dir, { recursive: true, force: true });
  });

  it('HTTP request in governance → relay (send) → Kafka → process, projection and follow-up command in analytics share one trace id, parent by parent', async () => {
    const [, url, token] = governance.lines.find((line) => line.startsWith('READY'))!.split(' ');
    const response = await fetch(`${url}/test/teams/traced`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${UPSTREAM_TRACE}-1111111111111111-01`, 'x-correlation-id': 'req-cross-service' },
      body: JSON.stringify({ type: 'CreateTeam', name: 'Traced' }),
    });
    expect(response.status).toBe(200);

    await analytics.waitForLine((line) => line.includes('seen-team-traced'), 'the follow-up event in analytics');
    // Each process exports its spans in batches of its own, and a child span ends (and may be
    // exported) before its parent: wait for every span the assertions name, in both services.
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['governance', 'POST /test/teams/:teamId'],
      ['governance', 'command CreateTeam'],
      ['governance', `send ${namespace}.governance.events`],
      ['analytics', `process ${namespace}.governance.events`],
      ['analytics', 'project analytics.teams'],
      ['analytics', 'command NoteTeamSeen'],
      ['analytics', 'append events'],
    ];
    const spans = await receiver.waitFor((received) => expected.every(([service, name]) => received.some((span) => span.traceId === UPSTREAM_TRACE && span.service === service && span.name === name)), 30_000);
    const inTrace = spans.filter((span) => span.traceId === UPSTREAM_TRACE);
    const find = (service: string, name: string): ReceivedSpan => {
      const span = inTrace.find((candidate) => candidate.service === service && candidate.name === name);
      if (!span) throw new Error(`No ${service} span "${name}" in the trace; got ${inTrace.map((s) => `${s.service}:${s.name}`).join(', ')}`);
      return span;
    };

    const server = find('governance', 'POST /test/teams/:teamId');
    const command = find('governance', 'command CreateTeam');
    const send = find('governance', `send ${namespace}.governance.events`);
    const process = find('analytics', `process ${namespace}.governance.events`);
    const project = find('analytics', 'project analytics.teams');
    const followUp = find('analytics', 'command NoteTeamSeen');
    const append = inTrace.find((span) => span.service === 'analytics' && span.name === 'append events' && span.parentSpanId === followUp.spanId);

    expect(server.parentSpanId).toBe('1111111111111111');
    expect(command.parentSpanId).toBe(server.spanId);
    // The envelope carries the command span's traceparent; the relay's send span is its
    // child and travels in the Kafka header; the consumer's process span hangs below it.
    expect(send.parentSpanId).toBe(command.spanId);
    expect(send.kind).toBe(4);
    expect(process.parentSpanId).toBe(send.spanId);
    expect(process.kind).toBe(5);
    expect(process.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.consumer.group.name': 'analytics' });
    expect(project.parentSpanId).toBe(process.spanId);
    expect(followUp.parentSpanId).toBe(process.spanId);
    expect(append).toBeDefined();

    const [record] = analytics.records<{ correlationId: string; causationId: string; traceparent: string }>();
    expect(record).toMatchObject({ correlationId: 'req-cross-service', traceparent: `00-${UPSTREAM_TRACE}-${followUp.spanId}-01` });
  });
});
