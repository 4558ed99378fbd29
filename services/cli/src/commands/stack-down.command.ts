import { rmSync } from 'node:fs';
import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { label, runDirOf } from '../stack/stack-options';
import { purgeStack, stopProcess } from '../stack/stack-runner';
import { readStackState, removeStackState } from '../stack/stack-state';

/** `stack down`: SIGTERM every process (graceful), SIGKILL what is left after the grace period; `--purge` also drops the stack's data. */
export const stackDownCommand: CliCommand = {
  path: ['stack', 'down'],
  summary: 'Stop the stack’s processes (SIGTERM, then SIGKILL after the grace period); --purge also removes its data, topics, databases and schemas',
  usage: '[--run-dir <dir>] [--grace <s>] [--purge]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, switches } = parseArgs(args, ['run-dir', 'grace'], ['purge']);
    const runDir = runDirOf(flags, io.env);
    const graceMs = Number(flags.get('grace') ?? 30) * 1000;
    if (!Number.isFinite(graceMs) || graceMs < 0) throw new UsageError('--grace is seconds, 0 or more.');
    const state = readStackState(runDir);
    if (!state) {
      io.err.write(`No stack runs from ${runDir} (no stack.json); nothing to stop.\n`);
      return 0;
    }
    const outcomes = await Promise.all(state.processes.map(async (p) => [p, await stopProcess(p.pid, graceMs)] as const));
    for (const [p, outcome] of outcomes) io.out.write(`${label(p).padEnd(20)} ${outcome === 'stopped' ? 'stopped' : outcome === 'killed' ? `killed (did not stop within ${graceMs / 1000} s)` : 'was not running'}\n`);
    removeStackState(runDir);
    if (switches.has('purge')) {
      const removed = await purgeStack(state);
      rmSync(runDir, { recursive: true, force: true });
      io.out.write(`Purged stack "${state.name}": ${removed.join(', ')}, and ${runDir}.\n`);
    }
    return 0;
  },
};
