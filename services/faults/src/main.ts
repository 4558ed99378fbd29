// The fault-injection suite (docs/reliability.md): `npm run test:faults` (full) or
// `nx run @leerzone/faults:test-faults-ci` (short). The five services as their own processes
// on the suite's own Kafka broker and FerretDB, SQLite event stores, a steady load of
// commands, eight faults one at a time, and after each: nothing lost, nothing applied twice,
// every read model equal to a rebuild, exactly the poison dead-lettered, audit intact.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@leerzone/cli';
import { accountStores, auditVerify, compareReadModels, deadLetters, waitCaughtUp } from './check/checks';
import type { Poison } from './check/injection';
import { Ledger } from './load/ledger';
import { Load } from './load/load';
import { passed, renderProblems, renderTable, type ScenarioRow } from './report/report';
import { SCENARIOS } from './scenarios/scenarios';
import { defaultPorts, OwnServers } from './servers/own-servers';
import { FaultStack } from './stack/fault-stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unmount = (dir: string) => {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
};

interface Form {
  readonly name: 'short' | 'full';
  readonly tenants: number;
  readonly teamsPerTenant: number;
  readonly concurrency: number;
  /** Load before the fault and after it. */
  readonly loadMs: number;
  readonly faultMs: number;
  /** The whole run's bound (`--deadline-s=` moves it): past it the suite stops everything it started and fails. */
  readonly deadlineMs: number;
}

const FORMS: Record<Form['name'], Form> = {
  short: { name: 'short', tenants: 2, teamsPerTenant: 2, concurrency: 4, loadMs: 3_000, faultMs: 4_000, deadlineMs: 900_000 },
  full: { name: 'full', tenants: 3, teamsPerTenant: 3, concurrency: 8, loadMs: 8_000, faultMs: 8_000, deadlineMs: 1_800_000 },
};

/** A broker restart took 101–104 s to catch up from on the loaded shared cores: 120 s was too close. */
const CATCH_UP_MS = 180_000;
/** Set by SIGINT/SIGTERM: the handler takes the stack down and exits; the run in hand must not exit first. */
let interrupted = false;

async function main(): Promise<number> {
  const form = FORMS[process.argv.includes('--short') ? 'short' : 'full'];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[faults ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  const root = repositoryRoot();
  const runDir = join(root, 'data/faults');
  const name = `faults${Date.now().toString(36)}`;
  unmount(join(runDir, 'stack/governance'));
  rmSync(join(runDir, 'stack'), { recursive: true, force: true });
  mkdirSync(join(runDir, 'stack'), { recursive: true });

  const servers = new OwnServers(root, join(runDir, 'servers'), defaultPorts(process.env));
  servers.prepare();
  log(`${form.name} form: own Kafka on ${servers.kafkaBrokers}, own FerretDB on ${servers.mongoUrl}`);
  await servers.start('kafka', 'mongo');
  const stack = new FaultStack({ name, runDir: join(runDir, 'stack'), repositoryRoot: root, kafkaBrokers: servers.kafkaBrokers, mongoUrl: servers.mongoUrl, partitions: 3, governanceDiskBytes: 64 << 20 });
  const rows: ScenarioRow[] = [];
  // Interrupted: take down what the suite started (its processes, its servers, its mount) before leaving.
  const abort = (why: string, code: number) => {
    if (interrupted) return;
    interrupted = true;
    log(`${why}: stopping the stack and the suite's servers`);
    void stack
      .stop()
      .catch(() => undefined)
      .then(() => servers.stop('kafka', 'mongo'))
      .finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort(signal, 130));
  const deadlineArg = process.argv.find((a) => a.startsWith('--deadline-s='))?.slice('--deadline-s='.length);
  const deadlineMs = deadlineArg !== undefined && /^\d+$/.test(deadlineArg) ? Number(deadlineArg) * 1000 : form.deadlineMs;
  setTimeout(() => abort(`FAILED: the run passed its deadline of ${deadlineMs / 1000} s`, 1), deadlineMs - (Date.now() - started)).unref();
  try {
    await stack.start(120_000);
    log(`five services up (${stack.all.map((p) => `${p.service} ${p.pid}`).join(', ')}); logs in ${stack.options.runDir}`);
    const load = new Load(stack, new Ledger(`${name}.setup`), form);
    await load.setup();
    log('tenants, teams and cycles set up; every service knows every team');

    const poison: Poison[] = [];
    let lettersBefore = (await deadLetters(stack)).length;
    for (const [i, scenario] of SCENARIOS.entries()) {
      if (only && !only.includes(String(i + 1))) continue;
      log(`scenario ${scenario.name}`);
      const ledger = new Ledger(`${name}.s${i + 1}`);
      load.ledger = ledger;
      load.start();
      await sleep(form.loadMs);
      let result;
      try {
        result = await scenario.run({ stack, servers, load, ledger, faultMs: form.faultMs, log });
      } catch (error) {
        await load.stop();
        throw error;
      }
      await sleep(form.loadMs);
      await load.stop();
      poison.push(...(result.poison ?? []));
      let recoveryMs: number | undefined;
      const problems = [...(result.problems ?? [])];
      try {
        await waitCaughtUp(stack, CATCH_UP_MS);
        recoveryMs = Date.now() - result.healedAt;
      } catch (error) {
        problems.push((error as Error).message);
      }
      log(`  ${recoveryMs !== undefined ? `caught up ${recoveryMs} ms after the fault ended` : `NOT caught up: ${problems[problems.length - 1]}`}; checking stores, read models, dead letters, audit`);
      const account = await accountStores(stack, ledger);
      const models = await compareReadModels(stack);
      const letters = await deadLetters(stack);
      const poisonIds = new Set(poison.map((p) => p.eventId));
      const strangers = letters.filter((l) => !l.eventId || !poisonIds.has(l.eventId));
      if (strangers.length > 0) problems.push(`${strangers.length} dead letters are no poison: ${strangers.slice(0, 3).map((l) => `${l.group} ${l.eventType ?? '?'} ${l.error.code} ${l.error.message.slice(0, 160)}`).join('; ')}`);
      for (const p of result.poison ?? []) {
        const lettered = letters.some((l) => l.eventId === p.eventId);
        if (p.deadLettered && !lettered) problems.push(`the ${p.kind} poison message was not dead-lettered`);
        if (!p.deadLettered && lettered) problems.push(`the ${p.kind} poison message was dead-lettered, though consumers ignore types they do not handle`);
      }
      problems.push(...(await auditVerify(stack)).map((b) => `audit verify: ${b}`));
      problems.push(...models.mismatches.map((m) => `read model ${m.slice(0, 400)}`));
      const row: ScenarioRow = {
        scenario: scenario.name,
        acknowledged: ledger.count('acknowledged'),
        stored: account.stored,
        lost: account.lost,
        duplicated: account.duplicated,
        mismatches: models.mismatches.length,
        deadLettered: letters.length - lettersBefore,
        recoveryMs,
        problems,
        note: [result.note, account.appliedUnanswered > 0 ? `${account.appliedUnanswered} unanswered applied once` : '', ledger.refusals()].filter(Boolean).join('; ').slice(0, 220),
      };
      lettersBefore = letters.length;
      rows.push(row);
      for (const p of renderProblems([row])) log(`  ${p.slice(0, 600)}`);
      log(`  ${passed(row) ? 'pass' : 'FAIL'}: ${row.acknowledged} acknowledged, ${row.stored} stored, ${row.lost} lost, ${row.duplicated} twice, ${models.compared - row.mismatches}/${models.compared} read models equal a rebuild, ${row.deadLettered} dead-lettered, recovered in ${recoveryMs ?? '-'} ms`);
    }
  } finally {
    await stack.stop().catch((error: unknown) => log(`stopping the stack: ${(error as Error).message}`));
    await servers.stop('kafka', 'mongo').catch((error: unknown) => log(`stopping the servers: ${(error as Error).message}`));
  }
  process.stdout.write(`\nFault-injection suite, ${form.name} form (${form.tenants} tenants × ${form.teamsPerTenant} teams, ${form.concurrency} writers), ${((Date.now() - started) / 1000).toFixed(0)} s:\n\n${renderTable(rows)}\n\n`);
  const problems = renderProblems(rows);
  const expected = only?.length ?? SCENARIOS.length;
  if (rows.length !== expected) problems.push(`${rows.length} of ${expected} scenarios ran`);
  if (problems.length > 0) {
    process.stdout.write(`FAILED:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`All ${rows.length} scenarios: 0 lost, 0 duplicated, 0 read-model mismatches.\n`);
  return 0;
}

main().then(
  (code) => interrupted || process.exit(code),
  (error: unknown) => {
    if (interrupted) return;
    process.stderr.write(`fault suite aborted: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
