import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Poison } from '../check/injection';
import { resendMessages, sendPoison } from '../check/injection';
import type { Ledger } from '../load/ledger';
import type { Load } from '../load/load';
import type { OwnServers } from '../servers/own-servers';
import type { FaultStack } from '../stack/fault-stack';

export interface ScenarioContext {
  readonly stack: FaultStack;
  readonly servers: OwnServers;
  readonly load: Load;
  readonly ledger: Ledger;
  /** How long the fault lasts (each outage, each window). */
  readonly faultMs: number;
  readonly log: (line: string) => void;
}

export interface ScenarioResult {
  /** When the fault was over (the last server back, the disk freed): recovery is measured from here. */
  readonly healedAt: number;
  readonly poison?: readonly Poison[];
  /** What the scenario itself requires beyond the common checks (e.g. 503 and nothing else while the disk is full). */
  readonly problems?: readonly string[];
  readonly note?: string;
}

export interface Scenario {
  readonly name: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const START_MS = 90_000;

/**
 * Empties the store's write-ahead log into the database file and truncates it to 0 bytes, so
 * the next append has to grow the log. Without it a full disk did not always bite: appends
 * that fit in the log's pages already on disk need no new block (a run had no 503 at all).
 */
function truncateWal(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    for (let attempt = 1; ; attempt++) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      if (result?.busy === 0 || attempt === 5) return result?.busy === 0 ? 'log truncated' : 'log not truncated (busy)';
    }
  } finally {
    db.close();
  }
}

/** Fills the filesystem at `dir` until it refuses another byte; returns the filler's path. */
function fill(dir: string): string {
  const file = join(dir, 'faults-filler.bin');
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 14, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: '1 broker stopped and restarted, twice',
    async run({ servers, faultMs, log }) {
      for (let i = 1; i <= 2; i++) {
        log(`  broker down (${i}/2)`);
        await servers.stop('kafka');
        await sleep(faultMs);
        await servers.start('kafka');
        log(`  broker up (${i}/2)`);
        if (i === 1) await sleep(faultMs / 2);
      }
      return { healedAt: Date.now() };
    },
  },
  {
    name: '2 consumer (analytics) SIGKILLed at random moments',
    async run({ stack, faultMs, log }) {
      for (let i = 1; i <= 2; i++) {
        await sleep(Math.random() * faultMs);
        log(`  SIGKILL analytics (${i}/2)`);
        await stack.kill('analytics');
        await sleep(500 + Math.random() * 1_500);
        await stack.startService('analytics', START_MS);
      }
      return { healedAt: Date.now() };
    },
  },
  {
    name: '3 relaying service (governance) killed between append and publish',
    async run({ stack, servers, ledger, faultMs, log }) {
      // With the broker away, governance acknowledges (the store is the outbox) but cannot publish:
      // every event appended now is between append and publish when the process dies.
      await servers.stop('kafka');
      const before = ledger.all.filter((r) => r.service === 'governance' && r.outcome === 'acknowledged').length;
      await sleep(faultMs);
      const appended = ledger.all.filter((r) => r.service === 'governance' && r.outcome === 'acknowledged').length - before;
      log(`  ${appended} governance commands acknowledged but unpublished; SIGKILL governance`);
      await stack.kill('governance');
      await servers.start('kafka');
      await stack.startService('governance', START_MS);
      const problems = appended === 0 ? ['no governance command was acknowledged while the broker was away: the fault did not bite'] : [];
      return { healedAt: Date.now(), problems, note: `${appended} acked unpublished at kill` };
    },
  },
  {
    name: '4 duplicate deliveries',
    async run({ stack, log }) {
      const sent = await resendMessages(stack, 60);
      log(`  ${sent} messages sent again`);
      return { healedAt: Date.now(), note: `${sent} messages re-sent`, problems: sent === 0 ? ['nothing to re-send'] : [] };
    },
  },
  {
    name: '5 poison messages',
    async run({ stack, log }) {
      const poison = await sendPoison(stack, 5);
      log(`  sent ${poison.map((p) => p.kind).join(', ')}`);
      return { healedAt: Date.now(), poison };
    },
  },
  {
    name: '6 many concurrent writers on the same aggregates',
    async run({ load, faultMs }) {
      load.hot = true;
      await sleep(faultMs * 2);
      load.hot = false;
      return { healedAt: Date.now() };
    },
  },
  {
    name: '7 projection store stopped and restarted',
    async run({ servers, faultMs, log }) {
      log('  FerretDB down');
      await servers.stop('mongo');
      await sleep(faultMs);
      await servers.start('mongo');
      log('  FerretDB up');
      return { healedAt: Date.now() };
    },
  },
  {
    name: '8 event store disk full',
    async run({ stack, ledger, faultMs, log }) {
      const wal = truncateWal(join(stack.governanceMount, 'events.db'));
      const from = ledger.all.length;
      const filler = fill(stack.governanceMount);
      log(`  governance's disk full (${wal})`);
      await sleep(faultMs * 1.5);
      rmSync(filler);
      const healedAt = Date.now();
      log(`  disk freed`);
      const during = ledger.all.slice(from).filter((r) => r.service === 'governance');
      const unavailable = during.filter((r) => r.outcome === 'unavailable').length;
      const failed = during.filter((r) => r.outcome === 'failed');
      const problems = [
        ...(unavailable === 0 ? ['no governance command was refused with 503 while the disk was full: the fault did not bite'] : []),
        ...(failed.length > 0 ? [`${failed.length} governance commands failed with another 5xx than 503 (${[...new Set(failed.map((r) => `${r.status} ${r.code ?? ''}`))].join(', ')})`] : []),
      ];
      return { healedAt, problems, note: `${unavailable} × 503 while full (${wal})` };
    },
  },
];
