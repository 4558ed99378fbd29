import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYED_SERVICES, health, isAlive, planInstances, spawnInstance, stopProcess, waitReady, type Infrastructure, type InstancePlan, type StackProcess } from '@leerzone/cli';

export type ServiceName = 'governance' | 'analytics' | 'okr' | 'assessment' | 'failure-learning';
export const WRITING_SERVICES: readonly ServiceName[] = ['governance', 'okr', 'assessment', 'failure-learning'];
const identifier = (service: string) => service.replace(/-/g, '_');

export interface FaultStackOptions {
  readonly name: string;
  readonly runDir: string;
  readonly repositoryRoot: string;
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly partitions: number;
  /** The size of the small filesystem governance's SQLite event store lives on (disk-full scenario). */
  readonly governanceDiskBytes: number;
}

/**
 * The five services as their own processes, planned by the deployed topology and started
 * by the CLI's stack runner (as `stack up` does), each with its event store in SQLite
 * under its data directory. Governance's data directory is a tmpfs of its own, so the
 * suite can fill it (disk full) without touching anything else.
 */
export class FaultStack {
  private readonly processes = new Map<ServiceName, StackProcess>();
  private readonly plans = new Map<ServiceName, InstancePlan>();
  readonly governanceMount: string;

  constructor(readonly options: FaultStackOptions) {
    const infra: Infrastructure = {
      kafkaBrokers: options.kafkaBrokers,
      kafkaNamespace: options.name,
      partitions: options.partitions,
      mongoUrl: options.mongoUrl,
      mongoDatabasePrefix: `${options.name}_`,
      // Replaced below by each service's own SQLite file: the topology names server stores only.
      eventStore: { kind: 'postgres', url: 'postgres://unused', schemaPrefix: `${options.name}_` },
      devKeyFile: join(options.runDir, 'dev-signing-key.json'),
      dataDir: (service, instance) => join(options.runDir, instance === 1 ? service : `${service}-${instance}`),
    };
    for (const plan of planInstances(infra, new Map(), true)) {
      const dataDir = plan.env['DATA_DIR']!;
      this.plans.set(plan.service.name as ServiceName, {
        ...plan,
        env: {
          ...plan.env,
          EVENT_STORE_URL: `sqlite:${join(dataDir, 'events.db')}`,
          // A dead consumer's partitions move after 6 s instead of 30 (the SIGKILL scenario).
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          // One client address and a handful of users send the whole load.
          RATE_LIMIT_PER_ADDRESS: '1000000',
          RATE_LIMIT_PER_USER: '1000000',
          RATE_LIMIT_PER_TENANT: '1000000',
          RATE_LIMIT_DEV_TOKENS: '100000',
          LOG_LEVEL: 'warn',
        },
      });
    }
    this.governanceMount = this.dataDir('governance');
  }

  dataDir(service: ServiceName): string {
    return this.plans.get(service)!.env['DATA_DIR']!;
  }

  eventStoreUrl(service: ServiceName): string {
    return this.plans.get(service)!.env['EVENT_STORE_URL']!;
  }

  projectionDatabase(service: ServiceName): string {
    return `${this.options.name}_${identifier(service)}`;
  }

  process(service: ServiceName): StackProcess {
    const p = this.processes.get(service);
    if (!p) throw new Error(`${service} is not running.`);
    return p;
  }

  url(service: ServiceName): string {
    return this.process(service).url;
  }

  get all(): StackProcess[] {
    return [...this.processes.values()];
  }

  /** Mounts governance's tmpfs, then starts governance (it writes the shared development key) and the others. */
  async start(timeoutMs: number): Promise<void> {
    mkdirSync(this.governanceMount, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${this.options.governanceDiskBytes}`, 'tmpfs', this.governanceMount]);
    await this.startService('governance', timeoutMs);
    await Promise.all(DEPLOYED_SERVICES.filter((s) => s.name !== 'governance').map((s) => this.startService(s.name as ServiceName, timeoutMs)));
  }

  async startService(service: ServiceName, timeoutMs: number): Promise<StackProcess> {
    const plan = this.plans.get(service)!;
    const main = join(this.options.repositoryRoot, 'services', service, 'dist/main.js');
    const started = await spawnInstance(plan, main, this.options.runDir, timeoutMs, process.env);
    this.processes.set(service, started);
    await waitReady(started, timeoutMs);
    return started;
  }

  /** SIGKILL: no drain, no commit, no goodbye to the consumer group. */
  async kill(service: ServiceName): Promise<void> {
    const p = this.process(service);
    process.kill(p.pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while (isAlive(p.pid)) {
      if (Date.now() > deadline) throw new Error(`${service} (pid ${p.pid}) still alive 10 s after SIGKILL.`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.processes.delete(service);
  }

  async ready(service: ServiceName): Promise<boolean> {
    const p = this.processes.get(service);
    return p !== undefined && (await health(p)).ready;
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((p) => stopProcess(p.pid, 25_000)));
    this.processes.clear();
    try {
      execFileSync('umount', ['-l', this.governanceMount]);
    } catch {
      // not mounted
    }
  }
}
