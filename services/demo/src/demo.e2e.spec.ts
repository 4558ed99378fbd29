import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { analyticsService } from '@leerzone/analytics-service';
import { assessmentService } from '@leerzone/assessment-service';
import { failureLearningService } from '@leerzone/failure-learning-service';
import { governanceService } from '@leerzone/governance-service';
import { okrService } from '@leerzone/okr-service';
import { ServiceStack, startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { MongoClient } from 'mongodb';
import { planDemo, type DemoPlan } from './plan/demo-plan';
import { DemoClient, DemoCommandRefused, SERVICE_NAMES, type ServiceName } from './seed/demo-client';
import { seedDemo } from './seed/seed-demo';

const SERVICES = resolve(__dirname, '../..');
const TENANT = 'demo-e2e';
const quiet = { start: () => undefined, tick: () => undefined, stop: () => undefined };
type Answers = Record<string, { status: number; body: string }>;

/**
 * Issue 15's proof that needs the demo: the demo at a small size seeded into the five services
 * as separate processes over real Kafka, read models on the real MongoDB-wire server, then
 * every analytics GET route (discovered from analytics' served OpenAPI, so it follows whatever
 * analytics serves) — and the same demo in standalone (every service in one process, in-process
 * bus, in-memory read models) answers exactly the same.
 *
 * Normalised before comparing, and only these, because they legitimately differ between two
 * runs of the same plan: instants (every event's occurredAt is the clock of its run), ids the
 * services mint themselves (UUIDv7: event ids, lesson ids, action ids — time-ordered, so
 * never equal across runs; the plan's own ids are UUIDv4 and stay), the request id of a
 * problem answer, and OKR progress (`progress`, `okrProgress`, `attainment`): a key result's
 * attainment is its progress against the line expected *at the check-in's instant*, so the
 * running quarter's check-ins, made minutes apart in the two runs, differ in the third decimal;
 * and the time between two events of one run (a signal's `daysAfter` and `span`, and the same
 * number in its explanation): the seeding's own pace, which differs between the runs. Lists
 * (`items`) are compared as sets: teams are seeded in parallel, so which team's event came
 * first — and so the order of items sorted by time — is not the plan's but the run's.
 */
describeWithServer('kafka', 'the demo across separate processes over Kafka and MongoDB, and the same in standalone', (kafka) => {
  describeWithServer('mongo', 'analytics answers', (mongo) => {
    const plan: DemoPlan = planDemo({ seed: 15, teams: 5, tenant: TENANT, today: new Date().toISOString().slice(0, 10) });
    let stack: ServiceStack | undefined;
    let standalone: ServiceTestApp | undefined;
    let mongoClient: MongoClient | undefined;
    const databases: string[] = [];

    afterAll(async () => {
      await stack?.stop();
      await standalone?.close();
      for (const name of databases) await mongoClient?.db(name).dropDatabase().catch(() => undefined);
      await mongoClient?.close();
    });

    it('seeds the processes and standalone alike, and every analytics route answers the same in both', async () => {
      // Standalone: the five services in one process, as `npm start` hosts them.
      standalone = await startServiceTestApp([governanceService, okrService, assessmentService, failureLearningService, analyticsService]);
      await standalone.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(standalone.app.getHttpServer().address() as AddressInfo).port}`;
      const standaloneUrls = Object.fromEntries(SERVICE_NAMES.map((s) => [s, base])) as Record<ServiceName, string>;
      const standaloneClient = new DemoClient({ urls: standaloneUrls, tenant: TENANT });
      await seedDemo(plan, standaloneClient, quiet);

      // Processes: each service its built dist/main.js, over Kafka, read models in a MongoDB database of its own.
      const mongoUrl = (await mongo()).replace(/\/?(\?.*)?$/, '');
      mongoClient = new MongoClient(mongoUrl);
      await mongoClient.connect();
      const suffix = Date.now().toString(36);
      const env = Object.fromEntries(
        SERVICE_NAMES.map((service) => {
          const database = `lz_demo_e2e_${suffix}_${service.replace('-', '_')}`;
          databases.push(database);
          return [service, { PROJECTION_STORE_URL: `${mongoUrl}/${database}` }];
        }),
      );
      stack = await ServiceStack.start({ brokers: await kafka(), servicesDir: SERVICES, services: [...SERVICE_NAMES], label: 'demo', env });
      const stackUrls = Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack!.process(s).url])) as Record<ServiceName, string>;
      const stackClient = new DemoClient({ urls: stackUrls, tenant: TENANT });
      await seedDemo(plan, stackClient, quiet).catch((error: unknown) => {
        // The refusing process's own log says why.
        const service = SERVICE_NAMES.find((name) => error instanceof DemoCommandRefused && error.url.startsWith(stackUrls[name])) ?? 'governance';
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${service} process:\n${stack!.process(service).tail(30)}`);
      });

      // What an analyst meets in MongoDB: every read model under a stable name pointing at a live collection, instants as dates.
      for (const database of databases) {
        const db = mongoClient!.db(database);
        const present = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
        const directory = await db.collection<{ _id: string; collection: string; switchedAt: unknown }>('leerzone_read_models').find({}).toArray();
        expect(directory.length).toBeGreaterThan(0);
        for (const entry of directory) {
          expect({ database, readModel: entry._id, live: present.has(entry.collection) }).toEqual({ database, readModel: entry._id, live: true });
          expect(entry.switchedAt).toBeInstanceOf(Date);
        }
      }
      const governanceDb = mongoClient!.db(databases[0]!);
      const teamsEntry = await governanceDb.collection<{ _id: string; collection: string }>('leerzone_read_models').findOne({ _id: 'teams' });
      const team = await governanceDb.collection(teamsEntry!.collection).findOne({ tenantId: TENANT });
      expect(team?.['createdAt']).toBeInstanceOf(Date);

      // Analytics is fed asynchronously in both: wait until standalone's answers hold still, then until the processes' equal them.
      const routes = await analyticsRoutes(standaloneUrls.analytics, plan);
      expect(routes).toContain('/api/analytics/teams');
      expect(await analyticsRoutes(stackUrls.analytics, plan)).toEqual(routes);
      const readStandalone = () => readAll(standaloneClient, routes);
      const readStack = () => readAll(stackClient, routes);
      const expected = await steady(readStandalone);
      for (const route of routes) expect({ route, status: expected[route]!.status }).toEqual({ route, status: 200 });
      // The answers carry the demo, not empty pages: every team, and the pitfall the demo plants.
      for (const team of plan.teams) expect(expected['/api/analytics/teams']!.body).toContain(team.teamId);
      const signals = expected['/api/analytics/signals']!.body;
      for (const team of plan.teams.filter((t) => t.failures.some((failure) => failure.controlTakenBack))) {
        expect(signals).toContain(team.teamId);
      }
      expect(signals).toContain('control-taken-back');
      const actual = await until(readStack, (answers) => JSON.stringify(answers) === JSON.stringify(expected), 90_000);
      // Where they differ, show the spot (the bodies are long).
      const differences = routes
        .filter((route) => JSON.stringify(actual[route]) !== JSON.stringify(expected[route]))
        .map((route) => {
          const [a, b] = [actual[route]?.body ?? '', expected[route]!.body];
          let at = 0;
          while (at < a.length && a[at] === b[at]) at++;
          return { route, status: [actual[route]?.status, expected[route]!.status], processes: a.slice(Math.max(0, at - 150), at + 150), standalone: b.slice(Math.max(0, at - 150), at + 150) };
        });
      expect(differences).toEqual([]);
      expect(actual).toEqual(expected);
    }, 600_000);
  });
});

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly example?: unknown;
  readonly schema?: { readonly example?: unknown; readonly enum?: readonly unknown[]; readonly default?: unknown };
}

/**
 * Every GET route of the analytics API, from its served OpenAPI document, with its required
 * query parameters filled: the period from the plan (`from`: the first planned quarter's start,
 * `period`: the last closed quarter), anything else from the document's own example or enum.
 */
async function analyticsRoutes(base: string, plan: DemoPlan): Promise<string[]> {
  const document = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
  const firstQuarter = plan.cycles[0]!.quarter;
  const fromPlan: Record<string, string> = {
    from: `${firstQuarter.slice(0, 4)}-${String((Number(firstQuarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01T00:00:00.000Z`,
    period: plan.cycles[plan.cycles.length - 2]!.quarter,
  };
  return Object.entries(document.paths)
    .filter(([path, operations]) => path.startsWith('/api/analytics/') && operations.get)
    .map(([path, operations]) => {
      const query = (operations.get!.parameters ?? [])
        .filter((parameter) => parameter.in === 'query' && parameter.required)
        .map((parameter) => {
          const value = fromPlan[parameter.name] ?? parameter.example ?? parameter.schema?.example ?? parameter.schema?.enum?.[0] ?? parameter.schema?.default;
          if (value === undefined) throw new Error(`${path} requires ${parameter.name}; teach this spec which value from the plan to send.`);
          return `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(value))}`;
        });
      return query.length > 0 ? `${path}?${query.join('&')}` : path;
    })
    .sort();
}

async function readAll(client: DemoClient, routes: readonly string[]): Promise<Answers> {
  const analyst = { userId: 'analyst-e2e', roles: ['analyst'] };
  const token = await client.token(analyst.userId, analyst.roles);
  const answers: Answers = {};
  for (const route of routes) {
    if (/\{[^}]+\}/.test(route.split('?')[0]!)) throw new Error(`${route} has path parameters; teach this spec which plan ids to put there.`);
    const response = await fetch(`${client.targets.urls.analytics}${route}`, { headers: { authorization: `Bearer ${token}` } });
    answers[route] = { status: response.status, body: normalise(await response.text()) };
  }
  return answers;
}

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
const UUID_V7 = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi;
const REQUEST_ID = /"requestId":"[^"]*"/g;

const CLOCK_DEPENDENT = /^(progress|okrProgress|attainment|daysAfter|span)$/;
const ELAPSED_IN_TEXT = /\b\d+(\.\d+)? days (after|apart)|within \d+(\.\d+)? days/g;

const withoutClockDependent = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutClockDependent);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (CLOCK_DEPENDENT.test(key) && typeof inner === 'number') return [key, '<clock-dependent>'];
        const cleaned = withoutClockDependent(inner);
        return [key, key === 'items' && Array.isArray(cleaned) ? [...cleaned].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : cleaned];
      }),
    );
  }
  return value;
};

const parsesAsJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** JSON, NDJSON or CSV (the export), with the fields above normalised. */
function normalise(text: string): string {
  const cleaned = text
    .replace(INSTANT, '<instant>')
    .replace(UUID_V7, '<minted-id>')
    .replace(REQUEST_ID, '"requestId":"<request>"')
    .replace(ELAPSED_IN_TEXT, (match) => match.replace(/\d+(\.\d+)?/, '<elapsed>'));
  const json = parsesAsJson(cleaned);
  if (json !== undefined) return JSON.stringify(withoutClockDependent(json));
  const lines = cleaned.split('\n');
  if (lines.filter((line) => line.trim()).every((line) => parsesAsJson(line) !== undefined)) return lines.map((line) => (line.trim() ? JSON.stringify(withoutClockDependent(JSON.parse(line))) : line)).join('\n');
  const header = lines[0]!.split(',');
  const columns = header.map((name, i) => (CLOCK_DEPENDENT.test(name) ? i : -1)).filter((i) => i >= 0);
  if (columns.length === 0) return cleaned;
  return lines.map((line, n) => (n === 0 || !line ? line : line.split(',').map((cell, i) => (columns.includes(i) ? '<clock-dependent>' : cell)).join(','))).join('\n');
}

/** Reads until two reads a few seconds apart agree. */
async function steady(read: () => Promise<Answers>, timeoutMs = 60_000): Promise<Answers> {
  const deadline = Date.now() + timeoutMs;
  let previous = JSON.stringify(await read());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const current = await read();
    if (JSON.stringify(current) === previous || Date.now() > deadline) return current;
    previous = JSON.stringify(current);
  }
}

async function until(read: () => Promise<Answers>, done: (answers: Answers) => boolean, timeoutMs: number): Promise<Answers> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answers = await read();
    if (done(answers) || Date.now() > deadline) return answers;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
