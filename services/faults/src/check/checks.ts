import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ANALYTICS_PROJECTIONS, analyticsService, outcomesProjection } from '@leerzone/analytics-service';
import { ASSESSMENT_PROJECTIONS, assessmentService } from '@leerzone/assessment-service';
import { consumerLag, kafkaTarget, listDeadLetters, type DeadLetterView } from '@leerzone/cli';
import { openEventStore } from '@leerzone/event-store';
import { FAILURE_LEARNING_PROJECTIONS, failureLearningService } from '@leerzone/failure-learning-service';
import { GOVERNANCE_PROJECTIONS, governanceService } from '@leerzone/governance-service';
import type { EventStore, StoredEvent } from '@leerzone/kernel';
import { OKR_PROJECTIONS, okrService } from '@leerzone/okr-service';
import { InMemoryProjectionStore, type ProjectionStore } from '@leerzone/projection-store';
import { MongoProjectionStore } from '@leerzone/projection-store-mongodb';
import { BusProjection, readModelChecksum, rebuildProjection, type ProjectionDefinition } from '@leerzone/projections';
import { publishedBy, type ServiceDefinition } from '@leerzone/service-kit';
import { accountFor, type Ledger, type StoreAccount, type StoredEventRef } from '../load/ledger';
import { WRITING_SERVICES, type FaultStack, type ServiceName } from '../stack/fault-stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PROJECTIONS: Record<Exclude<ServiceName, 'analytics'>, readonly ProjectionDefinition[]> = {
  governance: GOVERNANCE_PROJECTIONS as readonly ProjectionDefinition[],
  okr: OKR_PROJECTIONS as readonly ProjectionDefinition[],
  assessment: ASSESSMENT_PROJECTIONS as readonly ProjectionDefinition[],
  'failure-learning': FAILURE_LEARNING_PROJECTIONS as readonly ProjectionDefinition[],
};
const DEFINITIONS: Record<string, ServiceDefinition> = { governance: governanceService, okr: okrService, assessment: assessmentService, 'failure-learning': failureLearningService, analytics: analyticsService };

async function readAllEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: 5_000 });
    if (page.length === 0) return events;
    events.push(...page);
    after = page[page.length - 1]!.globalPosition;
  }
}

async function withStore<T>(url: string, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

interface Readiness {
  readonly status: number;
  readonly checks: Record<string, { ready: boolean; details?: Record<string, unknown> }>;
}

async function readiness(url: string): Promise<Readiness | undefined> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, ...((await response.json()) as { checks: Readiness['checks'] }) };
  } catch {
    return undefined;
  }
}

/**
 * Everything caught up: every process ready (stores answer, projections live, relay running,
 * consumers joined), every relay's checkpoint at its store's head, and no consumer group with
 * messages left on its topics. Resolves with how long that took; throws at the deadline with
 * what was still behind.
 */
export async function waitCaughtUp(stack: FaultStack, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let behind = 'nothing checked yet';
  while (Date.now() - started < timeoutMs) {
    behind = await whatIsBehind(stack);
    if (behind === '') return Date.now() - started;
    await sleep(500);
  }
  throw new Error(`not caught up after ${timeoutMs} ms: ${behind}`);
}

async function whatIsBehind(stack: FaultStack): Promise<string> {
  const groups: Array<{ group: string; sources: string[] }> = [];
  for (const p of stack.all) {
    const ready = await readiness(p.url);
    if (!ready) return `${p.service} does not answer /health/ready`;
    // By the checks' details, not the status alone: on the loaded machine a probe sometimes exceeds its 2 s per check.
    const failing = Object.entries(ready.checks).filter(([, c]) => !c.ready);
    if (failing.length > 0) return `${p.service} not ready: ${JSON.stringify(Object.fromEntries(failing)).slice(0, 300)}`;
    const projections = (ready.checks['projections']?.details?.['projections'] ?? []) as Array<{ name: string; lag: number }>;
    const catchingUp = projections.filter((x) => x.lag > 0);
    if (catchingUp.length > 0) return `${p.service}'s projections catching up: ${catchingUp.map((x) => `${x.name}=${x.lag}`).join(', ')}`;
    const head = Number(ready.checks['event-store']?.details?.['head'] ?? 0);
    const messaging = ready.checks['messaging']?.details ?? {};
    for (const [name, relay] of Object.entries((messaging['relays'] ?? {}) as Record<string, { checkpoint?: number }>)) {
      if ((relay.checkpoint ?? 0) < head) return `${p.service}'s relay ${name} at ${relay.checkpoint ?? 0} of ${head}`;
    }
    for (const c of (messaging['consumers'] ?? []) as Array<{ group: string; sources: string[] }>) groups.push({ group: c.group, sources: c.sources });
  }
  let lags: Map<string, number>;
  try {
    lags = await consumerLag({ kafkaBrokers: stack.options.kafkaBrokers, kafkaNamespace: stack.options.name }, groups);
  } catch (error) {
    // Just after a broker restart the coordinator is still loading its groups: the lag is not known yet.
    return `consumer lag not readable yet: ${(error as Error).message}`;
  }
  const lagging = [...lags].filter(([, lag]) => lag > 0);
  return lagging.length > 0 ? `consumer lag ${lagging.map(([g, l]) => `${g}=${l}`).join(', ')}` : '';
}

/** The ledger against every writing service's store: lost, applied twice, stored. */
export async function accountStores(stack: FaultStack, ledger: Ledger): Promise<StoreAccount> {
  const refs: StoredEventRef[] = [];
  for (const service of WRITING_SERVICES) {
    await withStore(stack.eventStoreUrl(service), async (store) => {
      for (const e of await readAllEvents(store)) refs.push({ eventId: e.eventId, correlationId: e.correlationId });
    });
  }
  return accountFor(ledger.all, refs);
}

export interface ReadModelReport {
  readonly compared: number;
  readonly mismatches: string[];
}

/**
 * Every read model against one rebuilt from the stores, by checksum over every document: the
 * writing services' projections replayed from their own store, analytics' fed with the
 * producing services' published events (as the relay filters them, upcast as analytics reads
 * them) and its outcomes from its own store. The rebuild goes into a fresh in-memory
 * projection store (the same ProjectionStore contract; on the shared two cores a rebuild on
 * FerretDB took minutes per scenario), the live read models are read from FerretDB.
 */
export async function compareReadModels(stack: FaultStack): Promise<ReadModelReport> {
  const mismatches: string[] = [];
  let compared = 0;
  const compare = async (live: ProjectionStore, fresh: ProjectionStore, projection: ProjectionDefinition) => {
    compared++;
    const [a, b] = await Promise.all([readModelChecksum(live, projection), readModelChecksum(fresh, projection)]);
    if (a.sha256 !== b.sha256) mismatches.push(`${projection.name}: live ${JSON.stringify(a.collections)} ≠ rebuilt ${JSON.stringify(b.collections)}`);
  };
  const connect = (database: string) => MongoProjectionStore.connect({ url: stack.options.mongoUrl, database });
  for (const service of WRITING_SERVICES) {
    const live = await connect(stack.projectionDatabase(service));
    try {
      await withStore(stack.eventStoreUrl(service), async (eventStore) => {
        for (const projection of PROJECTIONS[service as Exclude<ServiceName, 'analytics'>]) {
          const fresh = new InMemoryProjectionStore();
          await rebuildProjection({ eventStore, store: fresh, projection });
          await compare(live, fresh, projection);
        }
      });
    } finally {
      await live.close();
    }
  }
  const live = await connect(stack.projectionDatabase('analytics'));
  try {
    for (const { projection, source, schemas } of ANALYTICS_PROJECTIONS) {
      const published = publishedBy(DEFINITIONS[source]!);
      const events = await withStore(stack.eventStoreUrl(source as ServiceName), async (store) => (await readAllEvents(store)).filter(published));
      const fresh = new InMemoryProjectionStore();
      const rebuilt = new BusProjection({ projection: projection as unknown as ProjectionDefinition, group: projection.name, sources: [source], store: fresh });
      await rebuilt.prepare();
      const topic = `${stack.options.name}.${source}.events`;
      for (let i = 0; i < events.length; i += 500) {
        await rebuilt.handle(events.slice(i, i + 500).map((event, j) => ({ event: schemas ? schemas.upcast(event) : event, source, position: { topic, partition: 0, offset: String(i + j) } })));
      }
      await compare(live, fresh, projection as unknown as ProjectionDefinition);
    }
    await withStore(stack.eventStoreUrl('analytics'), async (eventStore) => {
      const fresh = new InMemoryProjectionStore();
      await rebuildProjection({ eventStore, store: fresh, projection: outcomesProjection as unknown as ProjectionDefinition });
      await compare(live, fresh, outcomesProjection as unknown as ProjectionDefinition);
    });
  } finally {
    await live.close();
  }
  return { compared, mismatches };
}

/** The dead-letter topics through the CLI's reader: every letter, to compare with the poison the suite sent. */
export async function deadLetters(stack: FaultStack): Promise<DeadLetterView[]> {
  return listDeadLetters(kafkaTarget(new Map(), { KAFKA_BROKERS: stack.options.kafkaBrokers, KAFKA_NAMESPACE: stack.options.name }));
}

/** `leerzone audit verify` (the built CLI) on each service's store: intact, or what it printed. */
export async function auditVerify(stack: FaultStack): Promise<string[]> {
  const broken: string[] = [];
  for (const service of [...WRITING_SERVICES, 'analytics' as const]) {
    const { code, out } = await runCli(stack.options.repositoryRoot, ['audit', 'verify', '--store', stack.eventStoreUrl(service)], { DATA_DIR: stack.dataDir(service) });
    if (code !== 0 || !out.startsWith('intact')) broken.push(`${service}: exit ${code}: ${out.trim()}`);
  }
  return broken;
}

function runCli(root: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'services/cli/dist/main.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, out: out || err }));
  });
}
