/** One operator command, e.g. `store migrate` or `projections rebuild`. */
export interface CliCommand {
  /** Words that select the command: `['store', 'migrate']`. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Usage after the path, e.g. `--from <url> --to <url>`. */
  readonly usage: string;
  /** More for `leerzone <command> --help`: what each option does, an example. */
  readonly help?: string;
  /** Returns the process exit code. Output goes to the given streams. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
