import { DuplicateEventIdError, type StoredEvent } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import { findAppendedBatch } from './kurrentdb-idempotency';

const stored = (streamId: string, firstPosition: number, events = [newEvent(), newEvent()]): StoredEvent[] =>
  events.map((event, i) => ({ ...event, streamId, streamPosition: firstPosition + i, globalPosition: 1000 * (firstPosition + i), recordedAt: '2026-03-01T10:00:00.000Z', hash: 'h' }));

describe('findAppendedBatch', () => {
  it('finds nothing when no id of the batch is among the candidates', () => {
    expect(findAppendedBatch('s', [newEvent()], stored('s', 1), 2)).toBeUndefined();
  });

  it('reports the stored batch, not written, when exactly this batch is on this stream in order', () => {
    const batch = [newEvent(), newEvent()];
    const candidates = stored('s', 3, batch);
    expect(findAppendedBatch('s', batch, candidates, 7)).toEqual({ nextExpectedVersion: 7, lastGlobalPosition: 4000, written: false, events: candidates });
  });

  it('refuses a batch that reuses only some stored ids, or the same ids in another order', () => {
    const batch = [newEvent(), newEvent()];
    const candidates = stored('s', 1, batch);
    expect(() => findAppendedBatch('s', [batch[0]!, newEvent()], candidates, 2)).toThrow(DuplicateEventIdError);
    expect(() => findAppendedBatch('s', [batch[1]!, batch[0]!], candidates, 2)).toThrow(DuplicateEventIdError);
  });
});
