import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { seedEvent, seedStore } from '../testing/seed-events';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, CheckpointWriter, PLATFORM_TENANT, checkpointSigningPayload, type AuditCheckpointSigned } from './audit-checkpoints';
import { CheckpointKeyRing, CheckpointSigner } from './checkpoint-keys';
import { expectedEventHash } from './hash-chain';
import { verifyEventStore, type ChainBreak } from './verify-event-store';

let ids = 0;
const newId = () => `cp-${process.pid}-${ids++}`;

/** One byte of a stored column changed, straight in the database file, behind the store's back. */
const flipOneByte = (text: string, marker: string): string => {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${marker} not in ${text}`);
  return `${text.slice(0, at)}${marker[0] === 'N' ? 'M' : 'N'}${text.slice(at + 1)}`;
};

describe('verify against SQLite', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let signer: CheckpointSigner;
  let keys: CheckpointKeyRing;

  const raw = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-audit-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore({ filename: file });
    signer = CheckpointSigner.loadOrCreate(join(dir, 'audit-signing-key.pem'));
    keys = CheckpointKeyRing.of([signer.publicKeyPem]);
    await seedStore(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an untouched store intact, with the count and the last checkpoint', async () => {
    const writer = new CheckpointWriter({ store, signer, newId });
    const first = await writer.checkpoint();
    expect(first).toMatchObject({ written: true, checkpoint: { eventCount: 12, upToGlobalPosition: 12, keyId: signer.keyId } });
    await store.append('team-noord', [seedEvent()], { expectedVersion: 4 });
    const second = await writer.checkpoint();
    // The second covers the 12 events, the first checkpoint and the new event.
    expect(second).toMatchObject({ written: true, checkpoint: { eventCount: 14, upToGlobalPosition: 14 } });

    const report = await verifyEventStore(store, { keys });
    expect(report).toMatchObject({ status: 'intact', eventsChecked: 15, eventsRead: 15, streamsChecked: 4, checkpointsVerified: 2, problems: [] });
    expect(report.lastCheckpoint).toMatchObject({ eventCount: 14, checkpointPosition: 15, keyId: signer.keyId });
  });

  it('finds one edited byte of event data, naming the stream, position, expected and found hash', async () => {
    await new CheckpointWriter({ store, signer, newId }).checkpoint();
    const target = (await store.readStream('team-zuid'))[2]!;
    raw((db) => {
      const row = db.prepare('SELECT data FROM events WHERE global_position = ?').get(target.globalPosition) as { data: string };
      const edited = flipOneByte(row.data, 'Zuid');
      expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(row.data));
      expect([...edited].filter((c, i) => c !== row.data[i])).toHaveLength(1);
      db.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(edited, target.globalPosition);
    });

    const report = await verifyEventStore(store, { keys });
    expect(report.status).toBe('broken');
    expect(report.problems).toHaveLength(1);
    const tampered = (await store.readStream('team-zuid'))[2]!;
    const predecessor = (await store.readStream('team-zuid'))[1]!;
    expect(report.firstProblem).toEqual<ChainBreak>({
      kind: 'hash-mismatch',
      streamId: 'team-zuid',
      streamPosition: 3,
      globalPosition: target.globalPosition,
      eventId: target.eventId,
      expectedPosition: 3,
      expectedHash: expectedEventHash(predecessor.hash, tampered),
      foundHash: target.hash,
    });
    expect((report.firstProblem as ChainBreak).expectedHash).not.toBe(target.hash);
  });

  it('checks only one tenant’s chains with a tenant filter, and still walks the global checkpoints', async () => {
    await new CheckpointWriter({ store, signer, newId }).checkpoint();
    const target = (await store.readStream('team-oost'))[0]!;
    raw((db) => db.prepare("UPDATE events SET reason = 'edited later' WHERE global_position = ?").run(target.globalPosition));

    const acme = await verifyEventStore(store, { keys, tenantId: 'acme' });
    expect(acme).toMatchObject({ status: 'intact', tenantId: 'acme', eventsChecked: 8, streamsChecked: 2, eventsRead: 13, checkpointsVerified: 1 });
    const globex = await verifyEventStore(store, { keys, tenantId: 'globex' });
    expect(globex).toMatchObject({ status: 'broken', eventsChecked: 4, firstProblem: { streamId: 'team-oost', streamPosition: 1, expectedPosition: 1, foundHash: target.hash } });
    expect((globex.firstProblem as ChainBreak).expectedHash).toBe(expectedEventHash(GENESIS_HASH, { ...target, reason: 'edited later' }));
  });

  it('catches a stream whose chain was recomputed after an edit, through the signed checkpoint', async () => {
    await new CheckpointWriter({ store, signer, newId }).checkpoint();
    // A careful forger edits an event and rewrites the hashes of its whole stream.
    raw((db) => {
      db.prepare("UPDATE events SET data = '{\"name\":\"Team Nooord 1\"}' WHERE stream_id = 'team-noord' AND stream_position = 2").run();
    });
    const events = await store.readStream('team-noord');
    let previous = GENESIS_HASH;
    raw((db) => {
      for (const event of events) {
        const hash = expectedEventHash(previous, event);
        db.prepare('UPDATE events SET hash = ? WHERE global_position = ?').run(hash, event.globalPosition);
        previous = hash;
      }
    });

    const report = await verifyEventStore(store, { keys });
    expect(report.status).toBe('broken');
    expect(report.problems.map((problem) => problem.kind)).toEqual(['checkpoint-digest-mismatch']);
    expect(report.firstProblem).toMatchObject({ eventCount: 12, checkpointPosition: 13 });
  });

  it('catches deleted events: the last one a checkpoint covers (the checkpoint no longer matches), and one in the middle (a position gap)', async () => {
    await new CheckpointWriter({ store, signer, newId }).checkpoint();
    raw((db) => db.prepare("DELETE FROM events WHERE stream_id = 'team-zuid' AND stream_position = 4").run());
    const report = await verifyEventStore(store, { keys });
    expect(report.status).toBe('broken');
    expect(report.problems.map((problem) => problem.kind)).toEqual(['checkpoint-event-mismatch']);

    raw((db) => db.prepare("DELETE FROM events WHERE stream_id = 'team-zuid' AND stream_position = 2").run());
    const gap = await verifyEventStore(store, { keys });
    expect(gap.firstProblem).toMatchObject({ kind: 'position-gap', streamId: 'team-zuid', streamPosition: 3, expectedPosition: 2 });
  });

  it('detects forged checkpoints: another key, or a signed checkpoint whose digest was changed', async () => {
    await new CheckpointWriter({ store, signer, newId }).checkpoint();
    const [genuine] = await store.readStream(CHECKPOINT_STREAM);
    const data = genuine!.data as AuditCheckpointSigned;

    const forger = CheckpointSigner.fromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const forgedUnsigned = { ...data, keyId: forger.keyId, digest: 'f'.repeat(64) };
    const byForger = { ...forgedUnsigned, signature: forger.sign(checkpointSigningPayload(forgedUnsigned)) };
    const altered = { ...data, digest: 'e'.repeat(64) };
    for (const forged of [byForger, altered]) {
      await store.append(CHECKPOINT_STREAM, [seedEvent({ type: CHECKPOINT_EVENT_TYPE, tenantId: PLATFORM_TENANT, data: forged })], { expectedVersion: 'any' });
    }

    const report = await verifyEventStore(store, { keys });
    expect(report.status).toBe('broken');
    expect(report.checkpointsVerified).toBe(1);
    expect(report.problems.map((problem) => problem.kind)).toEqual(['checkpoint-untrusted-key', 'checkpoint-signature-invalid']);

    // The forged checkpoint claims to cover everything; the writer is not silenced by it.
    await store.append('team-noord', [seedEvent()], { expectedVersion: 4 });
    expect(await new CheckpointWriter({ store, signer, newId }).checkpoint()).toMatchObject({ written: true });
  });

  it('signs nothing when only checkpoints were appended since the last one, and one of two racing writers wins', async () => {
    const a = new CheckpointWriter({ store, signer, newId });
    expect(await a.checkpoint()).toMatchObject({ written: true });
    expect(await a.checkpoint()).toEqual({ written: false, reason: 'nothing-new' });
    // A fresh process walks from the start and sees the coverage of the signed checkpoint.
    expect(await new CheckpointWriter({ store, signer, newId }).checkpoint()).toEqual({ written: false, reason: 'nothing-new' });

    await store.append('team-noord', [seedEvent()], { expectedVersion: 4 });
    const outcomes = await Promise.all([new CheckpointWriter({ store, signer, newId }).checkpoint(), new CheckpointWriter({ store, signer, newId }).checkpoint()]);
    expect(outcomes.filter((outcome) => outcome.written)).toHaveLength(1);
    expect((await verifyEventStore(store, { keys })).status).toBe('intact');
  });
});
