import { join, resolve } from 'node:path';
import { UsageError } from '../command';
import { repositoryRoot } from './local-infrastructure';
import type { StackProcess } from './stack-state';

/** `--run-dir`, else LEERZONE_STACK_DIR, else `<repository>/data/stack`. */
export const runDirOf = (flags: Map<string, string>, env: NodeJS.ProcessEnv): string => resolve(flags.get('run-dir') ?? env['LEERZONE_STACK_DIR'] ?? join(repositoryRoot(), 'data/stack'));

export const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
};

export const label = (p: Pick<StackProcess, 'service' | 'instance'>) => (p.instance === 1 ? p.service : `${p.service}#${p.instance}`);

export function parseScale(values: readonly string[]): Map<string, number> {
  const scale = new Map<string, number>();
  for (const value of values) {
    const m = /^([a-z-]+)=(\d+)$/.exec(value);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 9) throw new UsageError(`--scale takes <service>=<1-9>, got "${value}".`);
    scale.set(m[1]!, Number(m[2]));
  }
  return scale;
}

