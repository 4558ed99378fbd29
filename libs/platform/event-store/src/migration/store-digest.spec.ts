import { createHash } from 'node:crypto';
import { GENESIS_HASH, eventHashInput, type StoredEvent } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import { StoreDigest, canonicalEnvelope, toNewEvent } from './store-digest';
import { appendRuns } from './migrate-events';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A correctly chained stream, as a store would return it. */
const chained = (streamId: string, count: number, firstGlobal: number, recordedAt = '2026-03-01T10:00:00.000Z'): StoredEvent[] => {
  let previous = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const event = newEvent({ data: { i } });
    const hash = sha(eventHashInput(previous, streamId, i + 1, event));
    previous = hash;
    return { ...event, streamId, streamPosition: i + 1, globalPosition: firstGlobal + i, recordedAt, hash };
  });
};

const digest = (events: readonly StoredEvent[]) => {
  const d = new StoreDigest();
  events.forEach((e) => d.add(e));
  return d.result();
};

describe('StoreDigest', () => {
  it('counts events and streams and finds intact chains intact', () => {
    const result = digest([...chained('a', 3, 1), ...chained('b', 2, 4)]);
    expect(result).toMatchObject({ events: 5, streams: 2, brokenLinks: 0 });
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on global position values, only on order', () => {
    const events = chained('a', 3, 1);
    const renumbered = events.map((e, i) => ({ ...e, globalPosition: 1000 * (i + 1) }));
    expect(digest(renumbered).checksum).toBe(digest(events).checksum);
    expect(digest([events[1]!, events[0]!, events[2]!]).checksum).not.toBe(digest(events).checksum);
  });

  it('changes with any envelope field, recorded-at included', () => {
    const events = chained('a', 2, 1);
    const base = digest(events).checksum;
    expect(digest([events[0]!, { ...events[1]!, recordedAt: '2026-03-01T10:00:00.001Z' }]).checksum).not.toBe(base);
    expect(digest([events[0]!, { ...events[1]!, metadata: { x: 1 } }]).checksum).not.toBe(base);
  });

  it('reports a tampered payload and a gap as broken links', () => {
    const events = chained('a', 3, 1);
    const tampered = digest([events[0]!, { ...events[1]!, data: { i: 99 } }, events[2]!]);
    expect(tampered.brokenLinks).toBe(1);
    expect(tampered.firstBrokenLinks[0]).toMatchObject({ streamId: 'a', streamPosition: 2, problem: expect.stringContaining('hash') });
    const gap = digest([events[0]!, events[2]!]);
    expect(gap.firstBrokenLinks[0]).toMatchObject({ streamPosition: 3, problem: 'follows position 1' });
  });

  it('leaves global position out of the canonical envelope and strips store fields for re-appending', () => {
    const [event] = chained('a', 1, 7);
    expect(canonicalEnvelope(event!)).not.toContain('globalPosition');
    expect(Object.keys(toNewEvent(event!))).not.toEqual(expect.arrayContaining(['streamId']));
    expect(toNewEvent(event!)).not.toHaveProperty('hash');
  });
});

describe('appendRuns', () => {
  it('groups consecutive events of one stream and one recorded-at, up to a maximum', () => {
    const a = chained('a', 5, 1);
    const b = chained('b', 1, 6);
    const later = chained('a', 7, 7, '2026-03-01T10:00:05.000Z').slice(5);
    const runs = appendRuns([...a, ...b, ...later], 3);
    expect(runs.map((run) => run.map((e) => `${e.streamId}${e.streamPosition}`))).toEqual([['a1', 'a2', 'a3'], ['a4', 'a5'], ['b1'], ['a6', 'a7']]);
  });
});
