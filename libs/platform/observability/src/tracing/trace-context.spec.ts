import { SpanKind, trace } from '@opentelemetry/api';
import { startTestObservability, type TestObservability } from '../testing';
import { currentTraceparent, injectTraceHeaders, parseTraceparent, traceparentFromHeaders, withSpan, withSpanFromTraceparent } from './trace-context';
import { withProcessSpan, withProjectionSpan, withPublishSpan } from './messaging-spans';

const UPSTREAM = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context helpers', () => {
  it('parses W3C traceparents and refuses malformed or all-zero ones', () => {
    expect(parseTraceparent(UPSTREAM)).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1, isRemote: true });
    for (const bad of ['', 'garbage', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`]) {
      expect(parseTraceparent(bad)).toBeUndefined();
    }
  });

  it('reads the traceparent from Kafka headers given as Buffers, and from the CloudEvents extension name', () => {
    expect(traceparentFromHeaders({ traceparent: Buffer.from(UPSTREAM), ce_id: Buffer.from('x') })).toBe(UPSTREAM);
    expect(traceparentFromHeaders({ ce_traceparent: UPSTREAM })).toBe(UPSTREAM);
    expect(traceparentFromHeaders({ traceparent: Buffer.from('nonsense') })).toBeUndefined();
    expect(traceparentFromHeaders(undefined)).toBeUndefined();
  });

  describe('with tracing off (no SDK registered)', () => {
    it('passes an upstream traceparent through unchanged, so an untraced process does not break the trace', async () => {
      const seen = await withSpanFromTraceparent(UPSTREAM, 'process topic', { kind: SpanKind.CONSUMER }, (_span, traceparent) => traceparent);
      expect(seen).toBe(UPSTREAM);
      expect(currentTraceparent()).toBeUndefined();
      expect(injectTraceHeaders({}, UPSTREAM)).toEqual({ traceparent: UPSTREAM });
      expect(injectTraceHeaders({})).toEqual({});
    });
  });

  describe('with the SDK running', () => {
    let otel: TestObservability;
    beforeEach(() => {
      otel = startTestObservability();
    });
    afterEach(() => otel.shutdown());

    it('continues the trace a traceparent names, and hands on its own span as the next parent', async () => {
      let handedOn: string | undefined;
      let active: string | undefined;
      await withSpanFromTraceparent(UPSTREAM, 'process leerzone.governance.events', { kind: SpanKind.CONSUMER }, (_span, traceparent) => {
        handedOn = traceparent;
        active = currentTraceparent();
      });
      const [span] = otel.finishedSpans();
      expect(span!.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(span!.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(handedOn).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span!.spanContext().spanId}-01`);
      expect(active).toBe(handedOn);
    });

    it('relay → Kafka headers → consumer stays one trace (the hand-off the messaging library makes)', async () => {
      const headers: Record<string, Buffer> = {};
      await withPublishSpan({ system: 'kafka', destination: 'leerzone.governance.events', messageId: 'e-1' }, UPSTREAM, (_span, traceparent) => {
        headers['traceparent'] = Buffer.from(traceparent!);
      });
      await withProcessSpan({ system: 'kafka', destination: 'leerzone.governance.events', messageId: 'e-1', consumerGroup: 'analytics' }, traceparentFromHeaders(headers), () => undefined);
      const [send, process] = otel.finishedSpans();
      expect(send!.kind).toBe(SpanKind.PRODUCER);
      expect(send!.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'leerzone.governance.events', 'messaging.operation.type': 'send' });
      expect(process!.kind).toBe(SpanKind.CONSUMER);
      expect(process!.attributes).toMatchObject({ 'messaging.consumer.group.name': 'analytics', 'messaging.operation.type': 'process' });
      expect(process!.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(process!.parentSpanContext?.spanId).toBe(send!.spanContext().spanId);
    });

    it('parents a projection span on a delivery’s traceparent, else the active span, else the envelope', async () => {
      const event = { eventId: 'e-1', type: 'TeamCreated', streamId: 'team-1', globalPosition: 7, traceparent: UPSTREAM };
      const delivered = '00-11111111111111111111111111111111-2222222222222222-01';
      await withProjectionSpan('analytics.teams', event, () => undefined, delivered);
      await withProjectionSpan('analytics.teams', event, () => undefined);
      await withSpan('consumer', {}, () => withProjectionSpan('analytics.teams', event, () => undefined));
      const [fromDelivery, fromEnvelope, inner, consumer] = otel.finishedSpans();
      expect(fromDelivery!.parentSpanContext?.spanId).toBe('2222222222222222');
      expect(fromEnvelope!.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(inner!.parentSpanContext?.spanId).toBe(consumer!.spanContext().spanId);
      expect(fromDelivery!.attributes).toMatchObject({ 'leerzone.projection.name': 'analytics.teams', 'leerzone.event.global_position': 7 });
    });

    it('marks a span failed with the error code only, and rethrows', async () => {
      const failure = Object.assign(new Error('team "Noord" of ada@example.org is archived'), { code: 'TEAM.ARCHIVED' });
      await expect(withSpan('work', {}, () => Promise.reject(failure))).rejects.toBe(failure);
      const [span] = otel.finishedSpans();
      expect(span!.status).toEqual({ code: 2, message: 'TEAM.ARCHIVED' });
      expect(span!.attributes['error.type']).toBe('TEAM.ARCHIVED');
      expect(JSON.stringify(span!.events)).not.toContain('ada@example.org');
    });

    it('writes the active span into outgoing headers', async () => {
      await withSpan('outer', {}, () => {
        const headers = injectTraceHeaders<Record<string, string>>({});
        expect(headers['traceparent']).toBe(currentTraceparent());
        expect(trace.getActiveSpan()).toBeDefined();
      });
    });
  });
});
