import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { newEvent } from '@leerzone/kernel/testing';
import { runCli } from '../cli';
import { storeMigrateCommand } from './store-migrate.command';
import { storeVerifyCommand } from './store-verify.command';

const commands = [storeMigrateCommand, storeVerifyCommand];

describe('store commands', () => {
  let dir: string;
  let source: string;
  let target: string;
  // Every progress update becomes a line, so a test can act on a given count.
  const env = { LEERZONE_PROGRESS_INTERVAL_MS: '0' };

  const cli = async (argv: string[], onOutput?: (text: string) => void) => {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => {
      chunks.push(String(chunk));
      onOutput?.(String(chunk));
    });
    const code = await runCli(argv, commands, { out, err, env });
    return { code, out: chunks.join(''), err: String(err.read() ?? '') };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-cli-store-'));
    source = `sqlite:${join(dir, 'pilot.db')}`;
    target = `sqlite:${join(dir, 'copy.db')}`;
    let now = Date.parse('2026-02-01T09:00:00.000Z');
    const store = new SqliteEventStore({ filename: join(dir, 'pilot.db'), clock: () => new Date((now += 250)) });
    for (let i = 0; i < 200; i++) {
      await store.append(`team-${i % 20}`, [newEvent({ data: { i } }), newEvent({ data: { i }, reason: 'why not' }), newEvent()], { expectedVersion: 'any' });
    }
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates one store into another, printing plain progress lines when not on a terminal, and verifies the copy', async () => {
    const { code, out } = await cli(['store', 'migrate', '--from', source, `--to=${target}`, '--batch-size', '50']);
    expect(code).toBe(0);
    expect(out).toMatch(/^store migrate: \d+ events copied, 0 already there \(\d+%\), [\d,]+ events\/s$/m);
    expect(out).toContain('store migrate: 600 events copied, 0 already there (100%)');
    expect(out).not.toMatch(/[█\r]/);
    expect(out).toContain('Copied 600 events; 0 were already in the target.');
    expect(out).toMatch(/ {2}source 600 events in 20 streams, checksum ([0-9a-f]{64}), hash chains intact\n {2}target 600 events in 20 streams, checksum \1, hash chains intact/);
    expect(out).toContain('Result: identical');
  });

  it('stops on Ctrl-C after the append in flight, and the next run continues where it stopped', async () => {
    let interrupted = false;
    const first = await cli(['store', 'migrate', '--from', source, '--to', target, '--batch-size', '30'], (text) => {
      const copied = Number(/(\d+) events copied/.exec(text)?.[1] ?? 0);
      if (!interrupted && copied >= 200) {
        interrupted = true;
        process.emit('SIGINT');
      }
    });
    expect(first.code).toBe(130);
    const inTarget = Number(/Interrupted: (\d+) events are in the target/.exec(first.out)?.[1]);
    expect(inTarget).toBeGreaterThanOrEqual(200);
    expect(inTarget).toBeLessThan(600);
    expect(first.err).toContain('Stopping after the append in flight');

    const partial = await cli(['store', 'verify', '--from', source, '--to', target]);
    expect(partial.code).toBe(1);
    expect(partial.out).toContain(`Result: MISMATCH — counts differ (600 vs ${inTarget}); checksums differ.`);
    expect(partial.out).toContain(`first difference: event #${inTarget + 1}`);

    const second = await cli(['store', 'migrate', '--from', source, '--to', target]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`Copied ${600 - inTarget} events; ${inTarget} were already in the target.`);
    expect(second.out).toContain('Result: identical');
    expect((await cli(['store', 'verify', '--from', source, '--to', target])).code).toBe(0);
  });

  it('refuses bad arguments with usage, and bad or missing stores with their stable code', async () => {
    expect((await cli(['store', 'migrate', '--from', source])).code).toBe(2);
    expect((await cli(['store', 'migrate', '--from', source, '--to', source])).err).toContain('--from and --to name the same store.');
    expect((await cli(['store', 'migrate', '--from', source, '--to', target, '--batch-size', '0'])).code).toBe(2);
    expect((await cli(['store', 'migrate', '--from', source, '--to', target, '--force'])).err).toContain('Unknown argument: --force');
    const badUrl = await cli(['store', 'migrate', '--from', source, '--to', 'mysql://root:hunter2@db/app']);
    expect(badUrl.code).toBe(1);
    expect(badUrl.err).toContain('EVENT_STORE.BAD_URL: The event store URL mysql://root:***@db/app cannot be used');
    expect(badUrl.err).not.toContain('hunter2');
    const missing = await cli(['store', 'verify', '--from', `sqlite:${join(dir, 'nope.db')}`, '--to', target]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`EVENT_STORE.UNREACHABLE: There is no event store at ${join(dir, 'nope.db')}.`);
  });
});
