import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Delivery } from '@leerzone/messaging';
import { StoredEventFactory } from '@leerzone/messaging/testing';
import { currentTraceparent } from '@leerzone/observability';
import { startTestObservability, type TestObservability } from '@leerzone/observability/testing';
import { traceProcess, tracePublish } from './kafka-tracing';

const TOPIC = 'leerzone.governance.events';
const COMMAND_SPAN = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const OTHER_TRACE = '00-11111111111111111111111111111111-2222222222222222-01';

const deliveryOf = (event: ReturnType<StoredEventFactory['next']>, offset: number): Delivery => ({ event, source: 'governance', position: { topic: TOPIC, partition: 2, offset: String(offset) } });

describe('Kafka tracing', () => {
  describe('with tracing off', () => {
    it('hands the envelope traceparent through unchanged to the header and to the handler', async () => {
      const events = new StoredEventFactory({ traceparent: COMMAND_SPAN }).interleaved(['team-a'], 2);
      const headers = await tracePublish(TOPIC, events, (e) => e.streamId, async (traceparents) => traceparents);
      expect(headers).toEqual([COMMAND_SPAN, COMMAND_SPAN]);

      let handed: readonly Delivery[] = [];
      await traceProcess('analytics', [deliveryOf(events[0]!, 0)], () => COMMAND_SPAN, (deliveries) => void (handed = deliveries));
      expect(handed[0]!.traceparent).toBe(COMMAND_SPAN);
    });

    it('leaves a delivery without any trace context as it is', async () => {
      const [event] = new StoredEventFactory({ traceparent: undefined }).interleaved(['team-a'], 1);
      const { traceparent: _none, ...untraced } = event!;
      let handed: readonly Delivery[] = [];
      await traceProcess('analytics', [deliveryOf(untraced, 0)], () => undefined, (deliveries) => void (handed = deliveries));
      expect(handed[0]).not.toHaveProperty('traceparent');
    });
  });

  describe('with the SDK running', () => {
    let otel: TestObservability;
    beforeEach(() => {
      otel = startTestObservability();
    });
    afterEach(() => otel.shutdown());

    it('send spans are children of each envelope’s span; process spans are children of the header; the handler gets each process span', async () => {
      const factory = new StoredEventFactory();
      const events = [factory.next('team-a', { traceparent: COMMAND_SPAN }), factory.next('team-b', { traceparent: OTHER_TRACE })];
      const headers = await tracePublish(TOPIC, events, (e) => `acme/${e.streamId}`, async (traceparents) => traceparents);
      const sends = otel.finishedSpans();
      expect(sends.map((s) => [s.name, s.kind, s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
        [`send ${TOPIC}`, SpanKind.PRODUCER, '4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7'],
        [`send ${TOPIC}`, SpanKind.PRODUCER, '11111111111111111111111111111111', '2222222222222222'],
      ]);
      expect(sends[0]!.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': TOPIC, 'messaging.message.id': events[0]!.eventId, 'messaging.kafka.message.key': 'acme/team-a' });
      expect(headers).toEqual(sends.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`));

      otel.spans.reset();
      let handed: readonly Delivery[] = [];
      let activeInHandler: string | undefined;
      const deliveries = events.map(deliveryOf);
      await traceProcess('analytics', deliveries, (d) => headers[deliveries.indexOf(d)], (batch) => {
        handed = batch;
        activeInHandler = currentTraceparent();
      });
      const processes = otel.finishedSpans();
      expect(processes.map((s) => [s.name, s.kind, s.parentSpanContext?.spanId])).toEqual([
        [`process ${TOPIC}`, SpanKind.CONSUMER, sends[0]!.spanContext().spanId],
        [`process ${TOPIC}`, SpanKind.CONSUMER, sends[1]!.spanContext().spanId],
      ]);
      expect(processes[1]!.attributes).toMatchObject({ 'messaging.consumer.group.name': 'analytics', 'messaging.destination.partition.id': '2', 'messaging.kafka.offset': 1 });
      expect(handed.map((d) => d.traceparent)).toEqual(processes.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`));
      // A batch spans several traces: no single one is made active for the handler.
      expect(activeInHandler).toBeUndefined();
    });

    it('a batch of one runs with its process span active; a throwing handler marks the spans failed and rethrows', async () => {
      const [event] = new StoredEventFactory({ traceparent: COMMAND_SPAN }).interleaved(['team-a'], 1);
      let active: string | undefined;
      await traceProcess('analytics', [deliveryOf(event!, 7)], () => undefined, () => void (active = currentTraceparent()));
      const [span] = otel.finishedSpans();
      expect(span!.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(active).toBe(`00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);

      otel.spans.reset();
      const failure = Object.assign(new Error('read model down'), { code: 'PROJECTION.HANDLER_FAILED' });
      await expect(traceProcess('analytics', [deliveryOf(event!, 7)], () => undefined, () => Promise.reject(failure))).rejects.toBe(failure);
      const [failed] = otel.finishedSpans();
      expect(failed!.status.code).toBe(SpanStatusCode.ERROR);
      expect(failed!.attributes['error.type']).toBe('PROJECTION.HANDLER_FAILED');
    });
  });
});
