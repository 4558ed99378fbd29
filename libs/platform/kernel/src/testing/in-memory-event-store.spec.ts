import { createHash } from 'node:crypto';
import { eventStoreContract } from './event-store-contract';
import { InMemoryEventStorage, InMemoryEventStore } from './in-memory-event-store';
import { sha256Hex } from './sha256';

eventStoreContract('in-memory', async () => {
  const storage = new InMemoryEventStorage();
  return {
    open: async () => new InMemoryEventStore({ storage, pollIntervalMs: 20 }),
    dispose: async () => undefined,
  };
});

describe('sha256Hex (the in-memory store’s hash)', () => {
  it.each(['', 'abc', 'Team Noord — ✓ 𝄞', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1_000)])('matches node:crypto for %j', (input) => {
    expect(sha256Hex(input)).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });
});
