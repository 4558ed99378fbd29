import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One running instance of a service, as `stack up` recorded it. */
export interface StackProcess {
  readonly service: string;
  readonly instance: number;
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly instanceId: string;
  readonly dataDir: string;
  readonly logFile: string;
}

/** What `stack up` writes to `<run dir>/stack.json`, and `stack status` / `stack down` read. */
export interface StackState {
  readonly name: string;
  readonly startedAt: string;
  readonly kafkaBrokers: string;
  readonly kafkaNamespace: string;
  readonly mongoUrl: string;
  readonly mongoDatabases: readonly string[];
  readonly pgUrl: string;
  readonly pgSchemas: readonly string[];
  readonly processes: readonly StackProcess[];
}

export const stateFile = (runDir: string): string => join(runDir, 'stack.json');

export function readStackState(runDir: string): StackState | undefined {
  const file = stateFile(runDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as StackState;
}

/** Written atomically (a temp file renamed), so a reader never sees half a state. */
export function writeStackState(runDir: string, state: StackState): void {
  mkdirSync(runDir, { recursive: true });
  const temp = `${stateFile(runDir)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, stateFile(runDir));
}

export function removeStackState(runDir: string): void {
  rmSync(stateFile(runDir), { force: true });
}

/** True while a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
