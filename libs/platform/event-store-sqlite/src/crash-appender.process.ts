import { writeSync } from 'node:fs';
import type { NewEvent } from '@leerzone/kernel';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * Child process of the crash test (sqlite-group-commit.int.spec.ts): `writers` commands in
 * flight, each appending batches of three events to its own stream with the expected
 * version, printing one JSON line per acknowledged append, until it is killed.
 * Arguments: <filename> <writers>
 */
const [filename, writersArg] = process.argv.slice(2);
const writers = Number(writersArg);
const store = new SqliteEventStore({ filename: filename! });

const batch = (writer: number, version: number): NewEvent[] =>
  Array.from({ length: 3 }, (_, i) => ({
    eventId: `w${writer}-v${version}-${i}`,
    type: 'CrashTested',
    schemaVersion: 1,
    tenantId: 'tenant-crash',
    occurredAt: '2026-03-01T10:00:00.000Z',
    actor: { id: `writer-${writer}`, kind: 'user' },
    correlationId: `w${writer}-v${version}`,
    causationId: `w${writer}-v${version}`,
    data: { writer, version, i, padding: 'x'.repeat(200) },
    metadata: {},
  }));

async function writer(w: number): Promise<never> {
  // A restarted child goes on where the stream ends.
  for (let version = await store.streamVersion(`crash-${w}`); ; version += 3) {
    const result = await store.append(`crash-${w}`, batch(w, version), { expectedVersion: version });
    // Synchronous: the line is out before the next append starts.
    writeSync(1, `${JSON.stringify({ stream: `crash-${w}`, version: result.nextExpectedVersion, ids: result.events.map((e) => e.eventId) })}\n`);
  }
}

for (let w = 0; w < writers; w++) {
  writer(w).catch((error: unknown) => {
    writeSync(2, `writer ${w} failed: ${String(error)}\n`);
    process.exit(1);
  });
}
