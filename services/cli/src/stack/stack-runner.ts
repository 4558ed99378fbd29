import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { DEPLOYED_SERVICES, environmentFor, scalableOn, type DeployedService, type Infrastructure } from '../deploy/topology';
import { isAlive, type StackProcess, type StackState } from './stack-state';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const identifier = (service: string) => service.replace(/-/g, '_');

export interface InstancePlan {
  readonly service: DeployedService;
  readonly instance: number;
  readonly port: number;
  readonly env: Record<string, string>;
}

/**
 * Which processes a stack runs: every service once, or `scale` times. A consumer scales in its
 * consumer groups; a writing service scales on a PostgreSQL event store, where its relay and
 * projection runner run in the instance holding their lease (docs/operations.md, "Scaling out").
 * Instance n of a service listens on its port + 100·(n−1), or on a free port with `freePorts`;
 * it has a data dir of its own, but the instances of a writing service share the first one's
 * personal-data vault and audit signing key (one SQLite vault on this machine: a person's key
 * must open what any instance sealed, and checkpoints of one store are signed with one key).
 */
export function planInstances(infra: Infrastructure, scale: ReadonlyMap<string, number>, freePorts: boolean): InstancePlan[] {
  for (const [name, count] of scale) {
    const service = DEPLOYED_SERVICES.find((s) => s.name === name);
    if (!service) throw new Error(`--scale ${name}=${count}: there is no service "${name}" (services: ${DEPLOYED_SERVICES.map((s) => s.name).join(', ')}).`);
    const scalable = scalableOn(service, infra);
    if (count > 1 && !scalable.scalable) {
      throw new Error(`--scale ${name}=${count}: ${name} cannot run as several instances here: ${scalable.reason} (docs/operations.md, "Scaling out"). Scalable: ${DEPLOYED_SERVICES.filter((s) => scalableOn(s, infra).scalable).map((s) => s.name).join(', ')}.`);
    }
  }
  return DEPLOYED_SERVICES.flatMap((service) =>
    Array.from({ length: scale.get(service.name) ?? 1 }, (_, i) => {
      const instance = i + 1;
      const port = freePorts ? 0 : service.port + 100 * i;
      const first = infra.dataDir(service.name, 1);
      const sharedKeys: Record<string, string> =
        service.scaling === 'lease' && instance > 1 ? { PERSONAL_DATA_VAULT_FILE: join(first, 'personal-data-vault.db'), AUDIT_SIGNING_KEY_FILE: join(first, 'audit-signing-key.pem') } : {};
      return { service, instance, port, env: { ...environmentFor(service, infra, instance), ...sharedKeys, PORT: String(port), HOST: '127.0.0.1' } };
    }),
  );
}

/** Starts one instance as a detached process (it outlives the CLI), output to its log file; resolves once it answers /health/live as itself. */
export async function spawnInstance(plan: InstancePlan, main: string, runDir: string, timeoutMs: number, baseEnv: NodeJS.ProcessEnv = process.env): Promise<StackProcess> {
  const instanceId = randomUUID();
  const label = plan.instance === 1 ? plan.service.name : `${plan.service.name}-${plan.instance}`;
  const logFile = join(runDir, `${label}.log`);
  const portFile = join(runDir, `${label}.port.json`);
  rmSync(portFile, { force: true });
  mkdirSync(plan.env['DATA_DIR']!, { recursive: true });
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [main], {
    env: { ...baseEnv, ...plan.env, LEERZONE_INSTANCE_ID: instanceId, LEERZONE_PORT_FILE: portFile },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${label} could not be started.`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || child.exitCode !== null) throw new Error(`${label} exited while starting. The end of ${logFile}:\n${tail(logFile)}`);
    if (existsSync(portFile)) {
      const reported = JSON.parse(readFileSync(portFile, 'utf8')) as { port: number; instanceId: string };
      if (reported.instanceId === instanceId) {
        const url = `http://127.0.0.1:${reported.port}`;
        return { service: plan.service.name, instance: plan.instance, pid, port: reported.port, url, instanceId, dataDir: plan.env['DATA_DIR']!, logFile };
      }
    }
    await sleep(100);
  }
  process.kill(pid, 'SIGKILL');
  throw new Error(`${label} did not listen within ${timeoutMs} ms. The end of ${logFile}:\n${tail(logFile)}`);
}

export const tail = (file: string, lines = 15): string => (existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no output)');

export interface Health {
  readonly live: boolean;
  /** The process answering is the one the stack started (a reused port or pid tells otherwise). */
  readonly ours: boolean;
  readonly ready: boolean;
  readonly reason?: string;
  readonly consumers: ReadonlyArray<{ group: string; sources: string[]; state: string }>;
}

/** /health/live and /health/ready of one instance. */
export async function health(process_: StackProcess, timeoutMs = 3_000): Promise<Health> {
  const get = async (path: string) => {
    const response = await fetch(`${process_.url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  try {
    const live = await get('/health/live');
    if (live.body['instanceId'] !== process_.instanceId) return { live: true, ours: false, ready: false, reason: `another process (${String(live.body['instanceId'])}) answers on ${process_.url}`, consumers: [] };
    const ready = await get('/health/ready');
    const checks = (ready.body['checks'] ?? {}) as Record<string, { ready: boolean; details?: Record<string, unknown> }>;
    const failing = Object.entries(checks).filter(([, c]) => !c.ready).map(([name, c]) => `${name}${c.details?.['error'] ? `: ${String(c.details['error'])}` : ''}`);
    const consumers = ((checks['messaging']?.details?.['consumers'] ?? []) as Health['consumers']).map((c) => ({ group: c.group, sources: c.sources, state: c.state }));
    return { live: true, ours: true, ready: ready.status === 200, ...(failing.length > 0 ? { reason: `not ready: ${failing.join(', ')}` } : {}), consumers };
  } catch (error) {
    return { live: false, ours: false, ready: false, reason: `no answer (${(error as Error).message})`, consumers: [] };
  }
}

/** Waits until an instance is ready; fails with its log's end if it dies or takes too long. */
export async function waitReady(process_: StackProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Health | undefined;
  while (Date.now() < deadline) {
    if (!isAlive(process_.pid)) throw new Error(`${process_.service} (instance ${process_.instance}) exited while starting. The end of ${process_.logFile}:\n${tail(process_.logFile)}`);
    last = await health(process_);
    if (last.ready) return;
    await sleep(200);
  }
  throw new Error(`${process_.service} (instance ${process_.instance}) was not ready within ${timeoutMs} ms (${last?.reason ?? 'no answer'}). The end of ${process_.logFile}:\n${tail(process_.logFile)}`);
}

/** SIGTERM (graceful: drain, commit, close), then SIGKILL after `graceMs`. Resolves when the process is gone. */
export async function stopProcess(pid: number, graceMs: number): Promise<'stopped' | 'killed' | 'gone'> {
  if (!isAlive(pid)) return 'gone';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  while (isAlive(pid)) await sleep(50);
  return 'killed';
}

/** Per consumer group, the messages it has not committed past (summed over partitions). */
export async function consumerLag(state: Pick<StackState, 'kafkaBrokers' | 'kafkaNamespace'>, groups: ReadonlyArray<{ group: string; sources: readonly string[] }>): Promise<Map<string, number>> {
  const lags = new Map<string, number>();
  if (groups.length === 0) return lags;
  const bus = new KafkaEventBus({ brokers: state.kafkaBrokers.split(','), clientId: 'leerzone-cli', namespace: state.kafkaNamespace });
  try {
    for (const { group, sources } of groups) {
      if (lags.has(group)) continue;
      const partitions = await bus.consumerLag(group, [...sources]);
      lags.set(group, partitions.reduce((sum, p) => sum + p.lag, 0));
    }
  } finally {
    await bus.close();
  }
  return lags;
}

/** The names a stack's data has on the servers: its databases and schemas. */
export const stackStores = (name: string): { mongoDatabases: string[]; pgSchemas: string[] } => ({
  mongoDatabases: DEPLOYED_SERVICES.map((s) => `${name}_${identifier(s.name)}`),
  pgSchemas: DEPLOYED_SERVICES.map((s) => `${name}_${identifier(s.name)}`),
});

/** `stack down --purge`: the stack's topics, databases and schemas go too. */
export async function purgeStack(state: StackState): Promise<string[]> {
  const removed: string[] = [];
  const bus = new KafkaEventBus({ brokers: state.kafkaBrokers.split(','), clientId: 'leerzone-cli', namespace: state.kafkaNamespace });
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${state.kafkaNamespace}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    removed.push(`${topics.length} topics`);
  } finally {
    await admin.disconnect();
    await bus.close();
  }
  const mongo = new MongoClient(state.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    await mongo.connect();
    for (const database of state.mongoDatabases) await mongo.db(database).dropDatabase();
    removed.push(`${state.mongoDatabases.length} databases`);
  } finally {
    await mongo.close();
  }
  const pg = new Client({ connectionString: state.pgUrl, connectionTimeoutMillis: 5_000 });
  await pg.connect();
  try {
    for (const schema of state.pgSchemas) await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    removed.push(`${state.pgSchemas.length} schemas`);
  } finally {
    await pg.end();
  }
  return removed;
}
