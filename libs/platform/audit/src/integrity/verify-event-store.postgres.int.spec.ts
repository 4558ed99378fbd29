import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore } from '@leerzone/event-store-postgres';
import { describeWithServer } from '@leerzone/test-servers';
import { seedStore } from '../testing/seed-events';
import { CheckpointWriter } from './audit-checkpoints';
import { CheckpointKeyRing, CheckpointSigner } from './checkpoint-keys';
import { expectedEventHash } from './hash-chain';
import { verifyEventStore, type ChainBreak } from './verify-event-store';

describeWithServer('postgres', 'verify against PostgreSQL', (url) => {
  let schema: string;
  let store: PostgresEventStore;
  let admin: pg.Pool;
  let dir: string;

  beforeEach(async () => {
    // A fresh schema per test: the store creates "<schema>".events on open.
    schema = `audit_test_${randomBytes(6).toString('hex')}`;
    const connectionString = await url();
    admin = new pg.Pool({ connectionString, max: 1 });
    store = await PostgresEventStore.open({ connectionString, schema, listen: false });
    dir = mkdtempSync(join(tmpdir(), 'leerzone-audit-pg-'));
  });
  afterEach(async () => {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds one byte edited directly in the events table, and is intact before', async () => {
    await seedStore(store);
    const signer = CheckpointSigner.loadOrCreate(join(dir, 'key.pem'));
    const keys = CheckpointKeyRing.of([signer.publicKeyPem]);
    let n = 0;
    await new CheckpointWriter({ store, signer, newId: () => `${schema}-cp-${n++}` }).checkpoint();
    expect(await verifyEventStore(store, { keys })).toMatchObject({ status: 'intact', eventsChecked: 13, checkpointsVerified: 1 });

    const target = (await store.readStream('team-noord'))[1]!;
    const { rows } = await admin.query<{ data: string }>(`SELECT data::text AS data FROM "${schema}".events WHERE global_position = $1`, [target.globalPosition]);
    const original = rows[0]!.data;
    const at = original.indexOf('Noord');
    const edited = `${original.slice(0, at)}M${original.slice(at + 1)}`;
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(original));
    await admin.query(`UPDATE "${schema}".events SET data = $1::json WHERE global_position = $2`, [edited, target.globalPosition]);

    const report = await verifyEventStore(store, { keys });
    expect(report.status).toBe('broken');
    expect(report.problems).toHaveLength(1);
    const [first, second] = await store.readStream('team-noord');
    expect(second!.data).toEqual({ name: 'Team Moord 1' });
    expect(report.firstProblem).toEqual<ChainBreak>({
      kind: 'hash-mismatch',
      streamId: 'team-noord',
      streamPosition: 2,
      globalPosition: target.globalPosition,
      eventId: target.eventId,
      expectedPosition: 2,
      expectedHash: expectedEventHash(first!.hash, second!),
      foundHash: target.hash,
    });
  });
});
