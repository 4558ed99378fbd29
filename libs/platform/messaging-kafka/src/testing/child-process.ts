import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');

/**
 * Runs a TypeScript file as a separate OS process (against the sources, as the tests
 * do) and collects its stdout lines. Used to kill -9 a relay or a consumer for real.
 */
export class TsProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(script: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--conditions=@leerzone/source', '-r', '@swc-node/register', script], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.lines.push(line));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-20_000);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** Lines parsed as JSON, skipping anything else the process printed. */
  records<T>(): T[] {
    return this.lines.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as T];
      } catch {
        return [];
      }
    });
  }

  async waitForLine(predicate: (line: string) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.lines.some(predicate)) {
      if (this.child.exitCode !== null) throw new Error(`Process exited (${this.child.exitCode}) before ${what}. stderr:\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. stderr:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** SIGKILL: no shutdown hooks, no commits, no goodbye to the consumer group. */
  async kill9(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  async terminate(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
