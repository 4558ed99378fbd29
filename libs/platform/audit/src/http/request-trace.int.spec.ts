import { SpanKind } from '@opentelemetry/api';
import { METRIC_NAMES } from '@leerzone/observability';
import { startTestObservability, type TestObservability } from '@leerzone/observability/testing';
import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app';

/**
 * The platform's instrumentation end to end in one process: createHttpApp's server span,
 * CommandExecutor's command span, the instrumented append, and the traceparent stamped on
 * the stored event (which the relay and consumers continue). It lives here because the
 * audit package already runs the whole platform; observability cannot import
 * nest-platform (which imports it).
 */
describe('one trace from HTTP request to appended event', () => {
  let otel: TestObservability;
  let t: AuditTestApp;
  let token: string;

  beforeAll(async () => {
    otel = startTestObservability('audit-test');
    t = await startAuditTestApp();
    token = await t.token('acme', 'ada', ['coach', 'auditor']);
  });
  afterAll(async () => {
    await t.close();
    await otel.shutdown();
  });

  it('HTTP server → command → append spans share the caller’s trace id, and the event carries the command span’s traceparent', async () => {
    otel.spans.reset();
    const upstream = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await fetch(`${t.url}/test/teams/traced`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: upstream },
      body: JSON.stringify({ type: 'CreateTeam', name: 'Traced' }),
    });
    expect(response.status).toBe(200);

    const spans = otel.finishedSpans();
    const server = spans.find((span) => span.kind === SpanKind.SERVER && span.name === 'POST /test/teams/:teamId')!;
    const command = spans.find((span) => span.name === 'command CreateTeam')!;
    const append = spans.find((span) => span.name === 'append events')!;
    expect(server).toBeDefined();
    expect(command).toBeDefined();
    expect(append).toBeDefined();

    const traceId = '0af7651916cd43dd8448eb211c80319c';
    expect([server, command, append].map((span) => span.spanContext().traceId)).toEqual([traceId, traceId, traceId]);
    expect(server.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(command.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(append.parentSpanContext?.spanId).toBe(command.spanContext().spanId);

    expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/test/teams/:teamId', 'http.response.status_code': 200, 'url.path': '/test/teams/traced' });
    expect(command.attributes).toMatchObject({ 'leerzone.command.type': 'CreateTeam', 'leerzone.command.outcome': 'accepted', 'leerzone.stream.id': 'team-traced' });
    expect(append.kind).toBe(SpanKind.CLIENT);
    expect(append.attributes).toMatchObject({ 'db.system.name': 'sqlite', 'db.operation.name': 'append', 'db.collection.name': 'events', 'leerzone.stream.id': 'team-traced' });

    const [stored] = await t.store.readStream('team-traced');
    expect(stored!.traceparent).toBe(`00-${traceId}-${command.spanContext().spanId}-01`);
  });

  it('starts a new trace when the caller sends none, and marks a rejection on the command span without failing it', async () => {
    otel.spans.reset();
    const rejected = await fetch(`${t.url}/test/teams/nowhere`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'RenameTeam', name: 'x' }),
    });
    expect(rejected.status).toBe(404);
    const spans = otel.finishedSpans();
    const command = spans.find((span) => span.name === 'command RenameTeam')!;
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.parentSpanContext).toBeUndefined();
    expect(command.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(command.attributes).toMatchObject({ 'leerzone.command.outcome': 'rejected', 'leerzone.rejection.code': 'TEAM.NOT_FOUND' });
    expect(command.status.code).toBe(0);
    expect(spans.some((span) => span.name === 'append events')).toBe(false);
  });

  it('records command latency, append latency, HTTP request durations by status, and the audit index lag', async () => {
    const commands = await otel.dataPoints(METRIC_NAMES.commandDuration);
    const outcomes = commands.map((point) => point.attributes['leerzone.command.outcome']);
    expect(outcomes).toEqual(expect.arrayContaining(['accepted', 'rejected']));
    const appends = await otel.dataPoints(METRIC_NAMES.eventStoreOperationDuration);
    expect(appends.some((point) => point.attributes['db.operation.name'] === 'append' && (point.value as { count: number }).count >= 1)).toBe(true);
    const http = await otel.dataPoints(METRIC_NAMES.httpServerRequestDuration);
    expect(http.map((point) => point.attributes['http.response.status_code'])).toEqual(expect.arrayContaining([200, 404]));
    const lag = await otel.dataPoints(METRIC_NAMES.projectionLag);
    expect(lag.find((point) => point.attributes['leerzone.projection.name'] === 'audit.index')).toBeDefined();
  });
});
