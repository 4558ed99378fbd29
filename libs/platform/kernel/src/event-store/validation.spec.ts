import type { NewEvent } from '../envelope/event-envelope';
import { InvalidArgumentError } from './errors';
import type { ExpectedVersion, ReadAllOptions, ReadStreamOptions } from './event-store.port';
import { assertAppend, assertStreamId, MAX_READ_BATCH, normaliseReadAll, normaliseReadStream, STREAM_ID_RULE } from './validation';

describe('assertStreamId', () => {
  it('accepts every id an API field can put in a stream id, e-mail-like user ids included', () => {
    for (const id of ['team-0193e1c2-aaaa', 'assessment-maturity-4:acme:t-1-ada@acme.nl', 'settings.v1:acme_eu', 'a'.repeat(200)]) expect(() => assertStreamId(id)).not.toThrow();
  });

  it('refuses anything else on the streamId field', () => {
    for (const id of ['', '-team', 'team one', 'team/1', 'team$1', '$all', 'a'.repeat(201), 42, undefined]) {
      expect(() => assertStreamId(id)).toThrow(InvalidArgumentError);
    }
    expect(() => assertStreamId('team one')).toThrow(expect.objectContaining({ field: 'streamId' }));
  });
});

const valid = (overrides: Record<string, unknown> = {}): NewEvent =>
  ({
    eventId: 'e-1',
    type: 'TeamCreated',
    schemaVersion: 1,
    tenantId: 'acme',
    occurredAt: '2026-01-15T09:00:00.000Z',
    actor: { id: 'ada', kind: 'user' },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    data: { name: 'Noord' },
    metadata: {},
    ...overrides,
  }) as NewEvent;

/** The refusal `act` throws: always the shared InvalidArgumentError, with a reason a person can read. */
const refusal = (act: () => unknown): InvalidArgumentError => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    const refused = error as InvalidArgumentError;
    expect(refused.code).toBe('EVENT_STORE.INVALID_ARGUMENT');
    expect(refused.message).toMatch(/\S/);
    return refused;
  }
  throw new Error('Expected the input to be refused');
};

const fieldRefused = (act: () => unknown): string | undefined => refusal(act).field;

describe('assertStreamId refusing', () => {
  it('explains the rule when it refuses', () => {
    expect(refusal(() => assertStreamId('team one')).message).toBe(STREAM_ID_RULE);
    expect(STREAM_ID_RULE).toMatch(/\S/);
  });
});

describe('assertAppend', () => {
  const append = (events: unknown, expectedVersion: unknown = 0, streamId: unknown = 'team-1') => () =>
    assertAppend(streamId, events as NewEvent[], expectedVersion as ExpectedVersion);

  it('accepts a well-formed append, at a version or at any version, with null data and several events', () => {
    expect(append([valid()])).not.toThrow();
    expect(append([valid()], 'any')).not.toThrow();
    expect(append([valid()], 7)).not.toThrow();
    expect(append([valid({ data: null }), valid({ eventId: 'e-2', schemaVersion: 3 })])).not.toThrow();
    expect(append([valid({ occurredAt: '2026-01-15T09:00:00Z' })])).not.toThrow();
    expect(append([valid({ occurredAt: '2026-01-15T09:00:00.123456789Z' })])).not.toThrow();
  });

  it('refuses a bad stream id before anything else', () => {
    expect(fieldRefused(append([valid()], 0, 'team one'))).toBe('streamId');
  });

  it('refuses an expected version that is not a non-negative integer', () => {
    for (const version of [-1, 1.5, '1', Number.NaN, Number.MAX_SAFE_INTEGER + 1, null]) expect(fieldRefused(append([valid()], version))).toBe('expectedVersion');
  });

  it('refuses an append without events', () => {
    expect(fieldRefused(append([]))).toBe('events');
    expect(fieldRefused(append(undefined))).toBe('events');
  });

  it.each([
    ['eventId', [undefined, '', 7]],
    ['type', [undefined, '', 7]],
    ['schemaVersion', [undefined, 0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER + 1]],
    ['tenantId', [undefined, '', 7]],
    ['actor', [undefined, null, {}, { id: '' }, { id: 7 }]],
    ['correlationId', [undefined, '', 7]],
    ['causationId', [undefined, '', 7]],
    ['data', [undefined]],
  ])('refuses an event whose %s is missing or malformed, naming the event and the field', (field, values) => {
    for (const value of values) {
      expect(fieldRefused(append([valid(), valid({ eventId: 'e-2', [field]: value })]))).toBe(`events[1].${field}`);
    }
  });

  it('refuses an occurredAt that is not an ISO-8601 instant in UTC: offsets, missing seconds and surrounding text', () => {
    for (const occurredAt of [
      undefined,
      1768467600000,
      '2026-01-15T09:00:00+01:00',
      '2026-01-15T09:00Z',
      '2026-01-15T09:00:00',
      '2026-01-15',
      '2026-01-15 09:00:00Z',
      '2026-01-15T09:00:00.Z',
      '2026-01-15T09:00:00.1234567891Z',
      '2026-01-15T09:00:00.000Zjunk',
      '2026-01-15T09:00:00Z ',
      'at 2026-01-15T09:00:00Z',
      '+002026-01-15T09:00:00Z',
    ]) {
      expect(fieldRefused(append([valid({ occurredAt })]))).toBe('events[0].occurredAt');
    }
  });

  it('refuses an event id that appears twice in one batch, on the second one', () => {
    expect(fieldRefused(append([valid(), valid({ eventId: 'e-2' }), valid()]))).toBe('events[2].eventId');
  });

  it('refuses events of more than one tenant in one append', () => {
    expect(fieldRefused(append([valid(), valid({ eventId: 'e-2', tenantId: 'globex' })]))).toBe('events');
  });
});

describe('normaliseReadStream', () => {
  it('reads from the first position, all of it, by default', () => {
    expect(normaliseReadStream()).toEqual({ fromPosition: 1, maxCount: Number.MAX_SAFE_INTEGER });
    expect(normaliseReadStream({ fromPosition: 3, maxCount: 1 })).toEqual({ fromPosition: 3, maxCount: 1 });
  });

  it('refuses positions and counts below 1 or not whole', () => {
    for (const fromPosition of [0, -1, 1.5, '2']) expect(fieldRefused(() => normaliseReadStream({ fromPosition } as ReadStreamOptions))).toBe('fromPosition');
    for (const maxCount of [0, 2.5, Number.POSITIVE_INFINITY]) expect(fieldRefused(() => normaliseReadStream({ maxCount }))).toBe('maxCount');
  });
});

describe('normaliseReadAll', () => {
  it('reads from the start in batches of 500 by default, at most MAX_READ_BATCH at a time', () => {
    expect(normaliseReadAll()).toEqual({ after: 0, limit: 500 });
    expect(normaliseReadAll({ after: 42, limit: MAX_READ_BATCH })).toEqual({ after: 42, limit: 10_000 });
    expect(normaliseReadAll({ limit: 1 })).toEqual({ after: 0, limit: 1 });
  });

  it('refuses a negative or fractional position and a limit outside 1 to MAX_READ_BATCH', () => {
    for (const after of [-1, 0.5, '0']) expect(fieldRefused(() => normaliseReadAll({ after } as ReadAllOptions))).toBe('after');
    for (const limit of [0, MAX_READ_BATCH + 1, 1.5]) expect(fieldRefused(() => normaliseReadAll({ limit }))).toBe('limit');
  });
});
