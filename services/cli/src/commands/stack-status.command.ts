import { parseArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { label, runDirOf, table } from '../stack/stack-options';
import { consumerLag, health, type Health } from '../stack/stack-runner';
import { isAlive, readStackState } from '../stack/stack-state';

/** `stack status`: each process, its readiness and its consumer lag. Exit 1 when any is not running and ready. */
export const stackStatusCommand: CliCommand = {
  path: ['stack', 'status'],
  summary: 'Show each stack process, its readiness and its consumer lag',
  usage: '[--run-dir <dir>] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, switches } = parseArgs(args, ['run-dir'], ['json']);
    const runDir = runDirOf(flags, io.env);
    const state = readStackState(runDir);
    if (!state) {
      io.err.write(`No stack runs from ${runDir} (no stack.json). Start one: npm run stack:up\n`);
      return 1;
    }
    const healths = await Promise.all(state.processes.map(async (p): Promise<Health> => (isAlive(p.pid) ? health(p) : { live: false, ours: false, ready: false, reason: 'process is gone', consumers: [] })));
    let lags = new Map<string, number>();
    let lagError: string | undefined;
    try {
      lags = await consumerLag(state, healths.flatMap((h) => h.consumers));
    } catch (error) {
      lagError = (error as Error).message;
    }
    const rows = state.processes.map((p, i) => {
      const h = healths[i]!;
      const groups = [...new Set(h.consumers.map((c) => c.group))];
      const lag = groups.length === 0 ? '-' : lagError ? '?' : String(groups.reduce((sum, g) => sum + (lags.get(g) ?? 0), 0));
      return { process: p, health: h, groups, lag };
    });
    if (switches.has('json')) {
      io.out.write(
        `${JSON.stringify(
          {
            name: state.name,
            processes: rows.map((r) => ({
              service: r.process.service,
              instance: r.process.instance,
              pid: r.process.pid,
              url: r.process.url,
              running: r.health.ours,
              ready: r.health.ready,
              ...(r.health.reason ? { reason: r.health.reason } : {}),
              consumerGroups: Object.fromEntries(r.groups.map((g) => [g, lags.get(g) ?? null])),
            })),
            ...(lagError ? { lagError } : {}),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.out.write(`Stack "${state.name}" from ${runDir}, started ${state.startedAt}\n`);
      io.out.write(
        table([
          ['service', 'pid', 'url', 'process', 'ready', 'consumer lag', 'why'],
          ...rows.map((r) => [label(r.process), String(r.process.pid), r.process.url, r.health.ours ? 'running' : 'down', r.health.ready ? 'ready' : 'not ready', r.lag, r.health.reason ?? '']),
        ]),
      );
      if (lagError) io.out.write(`Consumer lag unknown: ${lagError}\n`);
    }
    return rows.every((r) => r.health.ready) ? 0 : 1;
  },
};

