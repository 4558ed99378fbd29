import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { runCli } from '../cli';
import { auditCheckpointCommand } from './audit-checkpoint.command';
import { auditPublicKeyCommand } from './audit-public-key.command';
import { auditVerifyCommand } from './audit-verify.command';

const commands = [auditVerifyCommand, auditCheckpointCommand, auditPublicKeyCommand];

describe('audit commands', () => {
  let dir: string;
  let url: string;
  let env: NodeJS.ProcessEnv;

  const cli = async (...argv: string[]) => {
    const out = new PassThrough();
    const err = new PassThrough();
    const code = await runCli(argv, commands, { out, err, env });
    return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-cli-audit-'));
    url = `sqlite:${join(dir, 'events.db')}`;
    env = { AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit.pem') };
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    for (const [streamId, tenantId] of [['team-a', 'acme'], ['team-b', 'globex']] as const) {
      for (let n = 0; n < 3; n++) {
        await store.append(
          streamId,
          [{ eventId: `${streamId}-${n}`, type: 'TeamRenamed', schemaVersion: 1, tenantId, occurredAt: '2026-03-01T10:00:00.000Z', actor: { id: 'ada', kind: 'user' }, correlationId: 'c', causationId: 'c', data: { name: `Noord ${n}` }, metadata: {} }],
          { expectedVersion: n },
        );
      }
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('signs a checkpoint, verifies intact, then exits 1 naming the stream, position and hashes after one byte changed', async () => {
    const signed = await cli('audit', 'checkpoint', '--store', url);
    expect(signed.code).toBe(0);
    expect(signed.out).toContain('Signed checkpoint over 6 events');
    expect((await cli('audit', 'checkpoint', '--store', url)).out).toContain('nothing was appended since the last checkpoint');

    const intact = await cli('audit', 'verify', '--store', url);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^intact — 7 events in 3 streams/);
    expect(intact.out).toContain('last checkpoint: 6 events');

    const db = new Database(join(dir, 'events.db'));
    const row = db.prepare("SELECT data, hash FROM events WHERE event_id = 'team-b-1'").get() as { data: string; hash: string };
    db.prepare("UPDATE events SET data = ? WHERE event_id = 'team-b-1'").run(row.data.replace('Noord', 'Moord'));
    db.close();

    const broken = await cli('audit', 'verify', '--store', url);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN');
    expect(broken.out).toMatch(/stream\s+team-b\n\s+position\s+2 — global 5, event team-b-1/);
    expect(broken.out).toMatch(new RegExp(`found\\s+${row.hash}`));

    // Another tenant's chains are not that tenant's problem.
    expect((await cli('audit', 'verify', '--store', url, '--tenant', 'acme')).code).toBe(0);
    expect((await cli('audit', 'verify', '--store', url, '--tenant', 'globex', '--json')).out).toContain('"status": "broken"');
  });

  it('verifies with an auditor’s copy of the public key, and refuses a checkpoint signed by another key', async () => {
    await cli('audit', 'checkpoint', '--store', url);
    const published = await cli('audit', 'public-key');
    expect(published.out).toContain('BEGIN PUBLIC KEY');
    const pem = join(dir, 'auditor-copy.pem');
    writeFileSync(pem, published.out);
    const otherEnv = { ...env };
    env = { AUDIT_SIGNING_KEY_FILE: join(dir, 'nowhere.pem') };
    expect((await cli('audit', 'verify', '--store', url, '--public-key', pem)).code).toBe(0);
    const untrusted = await cli('audit', 'verify', '--store', url);
    expect(untrusted.code).toBe(1);
    expect(untrusted.out).toContain('checkpoint-untrusted-key');
    env = otherEnv;
  });

  it('refuses a store that does not exist, and unknown arguments', async () => {
    const missing = await cli('audit', 'verify', '--store', `sqlite:${join(dir, 'nope.db')}`);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no event store at');
    expect((await cli('audit', 'verify', '--bogus')).code).toBe(2);
  });
});
