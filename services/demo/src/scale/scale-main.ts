// The demo organisation at scale (README.md): `npm run demo:scale -- --teams 2000 --data-dir /tmp/lz-scale`.
// Writes standalone's layout (DATA_DIR/events.db and DATA_DIR/personal-data-vault.db), so
// `DATA_DIR=<dir> npm start` serves it.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { SqlitePersonalDataVault } from '@leerzone/personal-data-vault';
import { generateScaleHistory } from './scale-history';

const USAGE = `Usage: npm run demo:scale -- [--teams 2000] [--years 3] [--seed 1] [--tenant demo] [--end-day YYYY-MM-DD] --data-dir <dir>
Writes the demo organisation's multi-year history straight into a new standalone data dir.`;

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(`${USAGE}\n`);
  const dataDir = argument(args, 'data-dir');
  if (!dataDir) throw new Error(`--data-dir is required.\n${USAGE}`);
  const dir = resolve(dataDir);
  // Appending a second history to a store would break its ids' determinism and double the organisation.
  if (existsSync(join(dir, 'events.db'))) throw new Error(`${join(dir, 'events.db')} exists: choose an empty data dir.`);
  const options = {
    teams: Number(argument(args, 'teams') ?? 2000),
    years: Number(argument(args, 'years') ?? 3),
    seed: Number(argument(args, 'seed') ?? 1),
    tenant: argument(args, 'tenant') ?? 'demo',
    endDay: argument(args, 'end-day') ?? new Date().toISOString().slice(0, 10),
  };
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const vault = new SqlitePersonalDataVault({ filename: join(dir, 'personal-data-vault.db') });
  let last = 0;
  try {
    const result = await generateScaleHistory(options, store, vault, (week, weeks, events) => {
      if (Date.now() - last < 2_000 && week !== weeks) return;
      last = Date.now();
      process.stderr.write(`scale: week ${week}/${weeks}, ${events} events\n`);
    });
    // Beside the stores, so the scale bench can reuse the dir (SCALE_DATA_DIR) without generating again.
    writeFileSync(join(dir, 'scale-summary.json'), `${JSON.stringify({ ...result, options }, null, 2)}\n`);
    const seconds = result.elapsedMs / 1000;
    process.stdout.write(`${JSON.stringify({ ...options, dataDir: dir, ...result, seconds: Math.round(seconds * 10) / 10, eventsPerSecond: Math.round(result.events / seconds) }, null, 2)}\n`);
  } finally {
    await store.close();
    vault.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
