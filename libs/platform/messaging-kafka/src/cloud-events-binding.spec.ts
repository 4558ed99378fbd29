import { StoredEventFactory } from '@leerzone/messaging/testing';
import { MessagingError } from '@leerzone/messaging';
import { CE_HEADERS, DLQ_HEADERS, deadLetterHeaders, fromKafkaMessage, readDeadLetter, toKafkaRecord } from './cloud-events-binding';

const rejection = (call: () => unknown): MessagingError => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(MessagingError);
    return error as MessagingError;
  }
  throw new Error('Expected the message to be rejected.');
};

describe('CloudEvents Kafka binding (binary mode)', () => {
  const factory = new StoredEventFactory();

  it('puts the CloudEvents attributes in ce_ headers and the data as JSON in the value', () => {
    const event = factory.next('team-42', { globalPosition: 1234 });
    const record = toKafkaRecord('governance', 'tenant-a/team-42', event);
    expect(record.key).toBe('tenant-a/team-42');
    expect(JSON.parse(record.value)).toEqual(event.data);
    expect(record.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.eventId,
      ce_source: '/leerzone/governance',
      ce_type: 'ThingHappened',
      ce_time: event.occurredAt,
      ce_subject: 'team-42',
      'content-type': 'application/json',
      ce_tenantid: 'tenant-a',
      ce_correlationid: event.correlationId,
      ce_causationid: event.causationId,
      ce_traceparent: event.traceparent,
      traceparent: event.traceparent,
      ce_sequence: '0000000000001234',
    });
    // CloudEvents attribute names: lower-case letters and digits, at most 20 characters.
    for (const name of Object.keys(record.headers).filter((h) => h.startsWith('ce_'))) expect(name.slice(3)).toMatch(/^[a-z0-9]{1,20}$/);
  });

  it('rebuilds the full stored envelope from the message, with headers as bytes', () => {
    const event = factory.next('team-42');
    const record = toKafkaRecord('governance', 'k', event);
    const asBytes = Object.fromEntries(Object.entries(record.headers).map(([name, value]) => [name, Buffer.from(value)]));
    expect(fromKafkaMessage({ value: Buffer.from(record.value), headers: asBytes })).toEqual(event);
  });

  it('leaves optional attributes out and restores them as absent', () => {
    const { reason: _reason, traceparent: _traceparent, ...bare } = factory.next('team-1', { metadata: {} });
    const record = toKafkaRecord('okr', 'k', bare);
    expect(record.headers).not.toHaveProperty(CE_HEADERS.reason);
    expect(record.headers).not.toHaveProperty('traceparent');
    expect(record.headers).not.toHaveProperty(CE_HEADERS.metadata);
    expect(fromKafkaMessage({ value: record.value, headers: record.headers })).toEqual(bare);
  });

  it('rejects what is not a Leerzone event as malformed, naming the header or value at fault', () => {
    const { value, headers } = toKafkaRecord('okr', 'k', factory.next('team-1'));
    const without = (name: string) => Object.fromEntries(Object.entries(headers).filter(([h]) => h !== name));
    const cases: Array<[Parameters<typeof fromKafkaMessage>[0], string]> = [
      [{ value: '{"n":', headers }, 'value'],
      [{ value: null, headers }, 'value'],
      [{ value, headers: without(CE_HEADERS.id) }, CE_HEADERS.id],
      [{ value, headers: { ...headers, ce_specversion: '0.3' } }, CE_HEADERS.specversion],
      [{ value, headers: { ...headers, 'content-type': 'application/avro' } }, 'content-type'],
      [{ value, headers: { ...headers, ce_schemaversion: 'two' } }, CE_HEADERS.schemaVersion],
      [{ value, headers: { ...headers, ce_sequence: '-1' } }, CE_HEADERS.sequence],
      [{ value, headers: { ...headers, ce_time: 'yesterday' } }, CE_HEADERS.time],
      [{ value, headers: { ...headers, ce_actorkind: 'robot' } }, CE_HEADERS.actorKind],
      [{ value, headers: { ...headers, ce_metadata: '[1]' } }, CE_HEADERS.metadata],
      [{ value }, CE_HEADERS.specversion],
    ];
    for (const [message, field] of cases) {
      expect(rejection(() => fromKafkaMessage(message))).toMatchObject({ code: 'MESSAGING.MALFORMED_MESSAGE', field });
    }
  });

  it('dead-letters with the original headers and value plus origin, error and attempts, and reads it back', () => {
    const event = factory.next('team-1');
    const record = toKafkaRecord('okr', 'k', event);
    const origin = { topic: 'leerzone.okr.events', partition: 3, offset: '77' };
    const headers = deadLetterHeaders(record.headers, { origin, group: 'analytics', error: { code: 'MESSAGING.HANDLER_FAILED', message: 'x'.repeat(5_000) }, attempts: 5, at: '2026-03-01T10:00:00.000Z' });
    expect(headers).toMatchObject({
      ...record.headers,
      [DLQ_HEADERS.originTopic]: 'leerzone.okr.events',
      [DLQ_HEADERS.originPartition]: '3',
      [DLQ_HEADERS.originOffset]: '77',
      [DLQ_HEADERS.group]: 'analytics',
      [DLQ_HEADERS.errorCode]: 'MESSAGING.HANDLER_FAILED',
      [DLQ_HEADERS.attempts]: '5',
    });
    expect((headers[DLQ_HEADERS.errorMessage] as string).length).toBe(2_000);
    const position = { topic: 'leerzone.okr.events.dlq', partition: 0, offset: '4' };
    expect(readDeadLetter({ value: record.value, headers }, position, 'leerzone')).toMatchObject({
      origin,
      source: 'okr',
      group: 'analytics',
      attempts: 5,
      event,
      payload: record.value,
      position,
    });
    // A malformed original is still shown, as text, without an event.
    const letter = readDeadLetter({ value: 'not json', headers: deadLetterHeaders({}, { origin, group: 'g', error: { code: 'MESSAGING.MALFORMED_MESSAGE', message: 'bad' }, attempts: 0, at: 'now' }) }, position, 'leerzone');
    expect(letter.event).toBeUndefined();
    expect(letter).toMatchObject({ payload: 'not json', error: { code: 'MESSAGING.MALFORMED_MESSAGE' } });
  });
});
