import { SingleBar } from 'cli-progress';

export interface ProgressReporter {
  update(done: number): void;
  /** A line above the bar (or a plain line without a terminal). */
  log(line: string, stream: NodeJS.WritableStream): void;
  finish(): void;
}

/** A progress bar on a terminal; without one, nothing but the lines logged. */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, title: string, total: number): ProgressReporter {
  if (!stream.isTTY || total < 2) {
    return { update: () => undefined, log: (line, out) => void out.write(`${line}\n`), finish: () => undefined };
  }
  const bar = new SingleBar({ stream, format: `${title} [{bar}] {value}/{total}`, barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true });
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    log: (line, out) => {
      bar.stop();
      out.write(`${line}\n`);
      bar.start(total, (bar as unknown as { value: number }).value ?? 0);
    },
    finish: () => bar.stop(),
  };
}
