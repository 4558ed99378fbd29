// End-to-end bench: the built standalone server as a real process, loaded over HTTP by
// autocannon (20 connections), each route next to `/health/live` measured in the same run:
// creating teams, listing 50 teams of a tenant that holds many, analytics' team overview;
// the process's resident memory after the seeded events; and how long a restart takes to
// replay them into the in-memory read models. Writes JSON under bench/results/runs (only
// with --write-doc also docs/performance.md).
//
//   npx nx run-many -t build -p @leerzone/standalone,@leerzone/bench-kit && node -r @swc-node/register services/standalone/bench/e2e.bench.ts [--write-doc]
//   (the built libraries, not their sources: the server is the built one too)
//   BENCH_SIZE=tiny for a small tenant and short runs; BENCH_TEAMS=n for the size of the big tenant (default 6,500).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PERFORMANCE_SECTIONS, benchMachine, benchSettings, publishBench, type BenchRow } from '@leerzone/bench-kit';
import { ServiceProcess, devToken } from '@leerzone/service-kit/child-process';

const settings = benchSettings();
const tiny = settings.size === 'tiny';
const TEAMS = Number(process.env['BENCH_TEAMS'] ?? (tiny ? 200 : 6_500));
const SECONDS = tiny ? 2 : 10;
const CONNECTIONS = 20;
const ROUNDS = tiny ? 1 : 3;

// autocannon ships no types: the part of its API used here.
interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
}
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

async function load(url: string, token: string, options: { path: string; method?: 'GET' | 'POST'; body?: () => string }): Promise<Load> {
  const result = await autocannon({
    url: `${url}${options.path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: options.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(options.body ? { requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: options.body!() }) }] } : {}),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const env = { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_TENANT: '1000000', RATE_LIMIT_PER_ADDRESS: '1000000', LOG_LEVEL: 'warn' };
  // The built standalone as a child process on a fresh data dir (PORT=0, reported in a port file).
  const dataDir = mkdtempSync(join(tmpdir(), 'leerzone-e2e-bench-'));
  const server = new ServiceProcess('standalone', resolve(__dirname, '../dist/main.js'), { ...env, DATA_DIR: dataDir });
  const rows: BenchRow[] = [];
  const latencies: Record<string, Load[]> = {};
  let memory = 0;
  let restartMs = 0;
  let seeded = 0;
  try {
    await server.start(120_000, '/health/live');
    const coach = await devToken(server.url, 'big', 'ada', ['coach']);
    const analyst = await devToken(server.url, 'big', 'ana', ['analyst']);
    let n = 0;
    // Seed the big tenant: TEAMS teams, 20 requests in flight.
    const seedOne = async (): Promise<void> => {
      while (n < TEAMS) {
        const name = `Team ${String(n++).padStart(5, '0')}`;
        const response = await fetch(`${server.url}/api/governance/teams`, { method: 'POST', headers: { authorization: `Bearer ${coach}`, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
        if (response.status !== 201) throw new Error(`seeding: ${response.status} ${await response.text()}`);
        seeded++;
      }
    };
    const seedStart = Date.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, seedOne));
    console.log(`seeded ${seeded} teams in ${Date.now() - seedStart} ms`);
    memory = rssMb(server.pid!);
    let created = 0;
    const scenarios: [string, () => Promise<Load>][] = [
      ['create a team (POST /api/governance/teams)', () => load(server.url, coach, { path: '/api/governance/teams', method: 'POST', body: () => JSON.stringify({ name: `Load ${process.pid} ${created++}` }) })],
      [`list 50 teams of a tenant with ${TEAMS.toLocaleString('en')}+ teams (GET /api/governance/teams?limit=50)`, () => load(server.url, coach, { path: '/api/governance/teams?limit=50' })],
      ['analytics team overview, 50 teams (GET /api/analytics/teams?limit=50)', () => load(server.url, analyst, { path: '/api/analytics/teams?limit=50' })],
    ];
    for (const [name] of scenarios) latencies[name] = [];
    const rounds: Record<string, { adapter: number; raw: number }[]> = Object.fromEntries(scenarios.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of scenarios) {
        const health = await load(server.url, coach, { path: '/health/live' });
        const measured = await run();
        if (measured.non2xx > 0) console.log(`${name}: ${measured.non2xx} answers not 2xx`);
        latencies[name]!.push(measured);
        rounds[name]!.push({ adapter: measured.rps, raw: health.rps });
        console.log(`round ${round + 1} ${name}: ${Math.round(measured.rps)} rps (p50 ${measured.p50} ms, p99 ${measured.p99} ms), /health/live ${Math.round(health.rps)} rps, ratio ${(measured.rps / health.rps).toFixed(3)}`);
      }
    }
    for (const [name] of scenarios) rows.push({ scenario: name, events: SECONDS * CONNECTIONS, rounds: rounds[name]! });
    memory = Math.max(memory, rssMb(server.pid!));
    await server.stop();
    const restart = Date.now();
    await server.start(300_000, '/health/ready');
    restartMs = Date.now() - restart;
    console.log(`restart to ready: ${restartMs} ms`);
  } finally {
    await server.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const machine = benchMachine();
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const table = [
    '| request | requests/s | p50 ms | p99 ms | `/health/live` requests/s (same round) | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const l = latencies[row.scenario]!;
      return `| ${row.scenario} | ${Math.round(median(l.map((x) => x.rps))).toLocaleString('en')} | ${median(l.map((x) => x.p50))} | ${median(l.map((x) => x.p99))} | ${Math.round(median(row.rounds.map((r) => r.raw))).toLocaleString('en')} | **${median(row.rounds.map((r) => r.adapter / r.raw)).toFixed(2)}** |`;
    }),
  ].join('\n');
  const markdown = `### Standalone over HTTP (autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run)

${table}

The built standalone (\`services/standalone/dist/main.js\`) as its own process, rate limits raised for the run; a tenant seeded with ${seeded.toLocaleString('en')} teams (one TeamCreated each) before the runs, teams created by the load come on top. Each row: median of ${ROUNDS} rounds, each round \`/health/live\` then the request, so the ratio compares runs seconds apart. Resident memory after the runs: ${Math.round(memory)} MB. Restart (SIGTERM, start, until \`/health/ready\`: the store replayed into the in-memory read models): ${(restartMs / 1000).toFixed(1)} s.
Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${String(machine['cpus'])} × ${String(machine['cpu'])}, load average ${(machine['loadAverage'] as number[]).join(' / ')} at the end (client, server and other work share the cores). Figures of this run: \`bench/results/standalone-http.json\`.`;
  console.log(`\n${markdown}\n`);
  const files = publishBench(
    { part: 'standalone-http', rows, context: { teams: seeded, connections: CONNECTIONS, seconds: SECONDS, rssMb: memory, restartMs, latencies, machine } },
    { section: { ...PERFORMANCE_SECTIONS.endToEnd, part: 'standalone-http' }, markdown },
    settings,
  );
  console.log(`Written: ${files.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
