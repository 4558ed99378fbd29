import { SingleBar } from 'cli-progress';
import type { RebuildProgress } from '@leerzone/projections';

export interface ProgressReporter {
  update(progress: RebuildProgress): void;
  finish(): void;
}

const rate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en')} events/s`;
const eta = (seconds: number | null): string => (seconds === null ? 'ETA --' : `ETA ${seconds < 1 ? '<1' : Math.ceil(seconds)}s`);

/**
 * A bar with events/s and ETA on a terminal; otherwise a plain line at most every
 * `intervalMs` (logs and CI stay readable) and one at the end.
 */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, intervalMs = 1_000): ProgressReporter {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} | {remaining}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      etaBuffer: 50,
    });
    let started = false;
    return {
      update: (p) => {
        const payload = { rate: rate(p.eventsPerSecond), remaining: eta(p.etaSeconds) };
        if (!started) {
          bar.start(Math.max(p.target, 1), p.position, payload);
          started = true;
        } else {
          bar.setTotal(Math.max(p.target, p.position, 1));
          bar.update(p.position, payload);
        }
      },
      finish: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastAt = -Infinity;
  let last: RebuildProgress | undefined;
  const line = (p: RebuildProgress): void => {
    const percent = p.target > 0 ? Math.floor((p.position / p.target) * 100) : 100;
    stream.write(`${label}: ${p.position}/${p.target} events (${percent}%), ${rate(p.eventsPerSecond)}, ${eta(p.etaSeconds)}\n`);
  };
  return {
    update: (p) => {
      last = p;
      if (p.elapsedMs - lastAt >= intervalMs) {
        lastAt = p.elapsedMs;
        line(p);
      }
    },
    finish: () => {
      if (last && last.elapsedMs !== lastAt) line(last);
    },
  };
}
