import { SingleBar } from 'cli-progress';
import type { MigrationProgress } from '@leerzone/event-store';

export interface MigrationProgressReporter {
  update(progress: MigrationProgress): void;
  finish(): void;
}

const rate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en')} events/s`;
const percent = (p: MigrationProgress): number => (p.sourceHead > 0 ? Math.min(100, Math.floor((p.sourcePosition / p.sourceHead) * 100)) : 100);

/**
 * Progress of `store migrate`: a bar on a terminal, plain lines otherwise (at most one per
 * `intervalMs`, and the last one). How far it got is measured in source positions, which
 * count events in SQLite and PostgreSQL and log bytes in KurrentDB — a fair measure of
 * the work either way.
 */
export function migrationProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, intervalMs: number, now: () => number = Date.now): MigrationProgressReporter {
  const startedAt = now();
  let copyStartedAt: number | undefined;
  const perSecond = (p: MigrationProgress): number => {
    const seconds = (now() - (copyStartedAt ?? startedAt)) / 1000;
    return seconds > 0 ? p.copied / seconds : 0;
  };
  const observe = (p: MigrationProgress): void => {
    if (p.phase === 'copy' && copyStartedAt === undefined) copyStartedAt = now();
  };

  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: 'store migrate [{bar}] {percentage}% | {state} | {rate}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
    });
    let started = false;
    return {
      update: (p) => {
        observe(p);
        const payload = {
          state: p.phase === 'scan' ? `${p.alreadyPresent} already in target` : `${p.copied} copied, ${p.alreadyPresent} already there`,
          rate: rate(perSecond(p)),
        };
        if (!started) {
          bar.start(100, percent(p), payload);
          started = true;
        } else bar.update(percent(p), payload);
      },
      finish: () => {
        if (started) bar.stop();
      },
    };
  }

  let lastAt = -Infinity;
  let last: MigrationProgress | undefined;
  let lastPrinted: MigrationProgress | undefined;
  const line = (p: MigrationProgress): void => {
    lastPrinted = p;
    stream.write(
      p.phase === 'scan'
        ? `store migrate: checking the target, ${p.alreadyPresent} events already there (${percent(p)}%)\n`
        : `store migrate: ${p.copied} events copied, ${p.alreadyPresent} already there (${percent(p)}%), ${rate(perSecond(p))}\n`,
    );
  };
  return {
    update: (p) => {
      observe(p);
      last = p;
      if (now() - lastAt >= intervalMs) {
        lastAt = now();
        line(p);
      }
    },
    finish: () => {
      if (last && last !== lastPrinted) line(last);
    },
  };
}
