import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { ServiceProcess, devToken, serviceMain } from './child-service';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { code?: string };
}

export interface ServiceStackOptions {
  readonly brokers: string;
  /** `services/`: where each service's built `dist/main.js` is. */
  readonly servicesDir: string;
  /** Started in this order; the first creates the development signing key the others read. */
  readonly services: readonly string[];
  /** Names the Kafka namespace and the temp dir. */
  readonly label: string;
  readonly partitions?: number;
  /** More environment per service (e.g. PROJECTION_STORE_URL). */
  readonly env?: Readonly<Record<string, NodeJS.ProcessEnv>>;
}

/**
 * Services as separate OS processes over a real Kafka broker, in a namespace of their own:
 * each its built `dist/main.js`, its own data dir, configured only by environment, all
 * accepting the same development tokens. What the cross-service e2e specs share.
 */
export class ServiceStack {
  private constructor(
    private readonly brokers: string,
    readonly namespace: string,
    readonly dir: string,
    private readonly processes: ReadonlyMap<string, ServiceProcess>,
  ) {}

  static async start(options: ServiceStackOptions): Promise<ServiceStack> {
    const dir = mkdtempSync(join(tmpdir(), `leerzone-${options.label}-`));
    const namespace = uniqueNamespace(options.label);
    const common = {
      KAFKA_BROKERS: options.brokers,
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: String(options.partitions ?? 4),
      // The broker's minimum: a member killed with -9 gives up its partitions after 6 s.
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      AUTH_DEV_ISSUER: 'true',
      AUTH_DEV_KEY_FILE: join(dir, 'dev-signing-key.json'),
      OTEL_SDK_DISABLED: 'true',
    };
    const processes = new Map(
      options.services.map((name) => [name, new ServiceProcess(name, serviceMain(options.servicesDir, name), { ...common, DATA_DIR: join(dir, name), ...options.env?.[name] })] as const),
    );
    const stack = new ServiceStack(options.brokers, namespace, dir, processes);
    // One at a time: the first writes the shared signing key.
    for (const process of processes.values()) await process.start();
    return stack;
  }

  process(name: string): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`The stack runs no ${name}.`);
    return found;
  }

  token(tenantId: string, userId: string, roles: string[]): Promise<string> {
    return devToken(this.processes.values().next().value!.url, tenantId, userId, roles);
  }

  async call(service: string, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${this.process(service).url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer['body'] };
  }

  /** Like `call`, but anything other than a 2xx fails with the answer. */
  async ok(service: string, method: string, path: string, token: string, body?: unknown): Promise<Answer['body']> {
    const answer = await this.call(service, method, path, token, body);
    if (answer.status >= 300) throw new Error(`${service} ${method} ${path} → ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async stop(): Promise<void> {
    // SIGTERM first (consumers drain and commit), then whatever is left of the child.
    await Promise.all([...this.processes.values()].map(async (process) => {
      await process.stop();
      await process.dispose();
    }));
    await deleteNamespaceTopics(this.brokers, this.namespace);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Repeats `attempt` until it answers `status` (other services are fed asynchronously over the bus); the last answer and how long it took. */
export async function untilStatus(status: number, attempt: () => Promise<Answer>, timeoutMs = 30_000, pauseMs = 100): Promise<Answer & { tookMs: number }> {
  const started = Date.now();
  for (;;) {
    const answer = await attempt();
    if (answer.status === status || Date.now() - started > timeoutMs) return { ...answer, tookMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
