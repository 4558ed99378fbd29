import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { DEPLOYED_SERVICES } from '../deploy/topology';
import { STACK_NAME, localInfrastructure, localServers, repositoryRoot } from '../stack/local-infrastructure';
import { label, parseScale, runDirOf, table } from '../stack/stack-options';
import { planInstances, spawnInstance, stackStores, stopProcess, waitReady } from '../stack/stack-runner';
import { isAlive, readStackState, removeStackState, writeStackState, type StackProcess, type StackState } from '../stack/stack-state';

/** `stack up`: every service as its own process against the local servers, configured by the topology. */
export const stackUpCommand: CliCommand = {
  path: ['stack', 'up'],
  summary: 'Start every service as its own process against the local Kafka, MongoDB-wire server and PostgreSQL',
  usage: '[--scale <service>=<n>]… [--name <stack>] [--run-dir <dir>] [--partitions <n>] [--free-ports] [--timeout <s>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, all, switches, positional } = parseArgs(args, ['scale', 'name', 'run-dir', 'partitions', 'timeout'], ['free-ports']);
    if (positional.length > 0) throw new UsageError(`Unexpected argument: ${positional[0]}`);
    const name = flags.get('name') ?? 'leerzone';
    if (!STACK_NAME.test(name)) throw new UsageError(`--name is 1-30 lower-case letters and digits, starting with a letter (it names topics, databases and schemas); got "${name}".`);
    const partitions = Number(flags.get('partitions') ?? 6);
    if (!Number.isSafeInteger(partitions) || partitions < 1 || partitions > 100) throw new UsageError('--partitions must be an integer from 1 to 100.');
    const timeoutMs = Number(flags.get('timeout') ?? 90) * 1000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout is seconds, more than 0.');
    const runDir = runDirOf(flags, io.env);
    const existing = readStackState(runDir);
    if (existing && existing.processes.some((p) => isAlive(p.pid))) {
      io.err.write(`A stack already runs from ${runDir} (started ${existing.startedAt}). Stop it first: npm run stack:down${flags.has('run-dir') ? ` -- --run-dir ${runDir}` : ''}\n`);
      return 1;
    }
    const servers = localServers(io.env);
    const infra = localInfrastructure(servers, name, runDir, io.env, partitions);
    const plans = planInstances(infra, parseScale(all.get('scale') ?? []), switches.has('free-ports'));
    const servicesDir = join(repositoryRoot(), 'services');
    for (const service of DEPLOYED_SERVICES) {
      if (!existsSync(join(servicesDir, service.name, 'dist/main.js'))) {
        io.err.write(`services/${service.name}/dist/main.js is missing: build first (npm run stack:up builds; or npx nx run-many -t build).\n`);
        return 1;
      }
    }
    const state: StackState = {
      name,
      startedAt: new Date().toISOString(),
      kafkaBrokers: servers.kafkaBrokers,
      kafkaNamespace: name,
      mongoUrl: servers.mongoUrl,
      pgUrl: servers.pgUrl,
      ...stackStores(name),
      processes: [],
    };
    const started: StackProcess[] = [];
    // Listed in the plan's order (service by service, instance by instance), whatever order they started in.
    const rank = (p: StackProcess) => plans.findIndex((plan) => plan.service.name === p.service && plan.instance === p.instance);
    const record = () => writeStackState(runDir, { ...state, processes: [...started].sort((a, b) => rank(a) - rank(b)) });
    io.err.write(`Starting ${plans.length} processes (stack "${name}", run dir ${runDir}) against Kafka ${servers.kafkaBrokers}, ${servers.mongoUrl.replace(/\/\/[^@/]*@/, '//***@')} and PostgreSQL…\n`);
    try {
      // Governance first and alone: it writes the shared development key the others read.
      const [first, ...rest] = plans;
      const firstProcess = await spawnInstance(first!, join(servicesDir, first!.service.name, 'dist/main.js'), runDir, timeoutMs, io.env);
      started.push(firstProcess);
      record();
      await waitReady(firstProcess, timeoutMs);
      io.err.write(`  ${label(firstProcess)} ready on ${firstProcess.url}\n`);
      // Then the first instance of every other service, then the further instances (which share
      // the first one's vault and audit key, so the first creates them alone).
      for (const wave of [rest.filter((plan) => plan.instance === 1), rest.filter((plan) => plan.instance > 1)]) {
        const others = await Promise.all(wave.map((plan) => spawnInstance(plan, join(servicesDir, plan.service.name, 'dist/main.js'), runDir, timeoutMs, io.env)));
        started.push(...others);
        record();
        await Promise.all(
          others.map(async (p) => {
            await waitReady(p, timeoutMs);
            io.err.write(`  ${label(p)} ready on ${p.url}\n`);
          }),
        );
      }
    } catch (error) {
      io.err.write(`The stack did not come up: ${(error as Error).message}\nStopping what was started…\n`);
      await Promise.all(started.map((p) => stopProcess(p.pid, 10_000)));
      removeStackState(runDir);
      return 1;
    }
    io.out.write(table([['service', 'pid', 'listens on', 'data'], ...[...started].sort((a, b) => rank(a) - rank(b)).map((p) => [label(p), String(p.pid), p.url, p.dataDir])]));
    io.out.write(`Kafka namespace ${name}; logs in ${runDir}/*.log. Status: npm run stack:status — stop: npm run stack:down\n`);
    return 0;
  },
};

