import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built entry point of a service (`services/<name>/dist/main.js`); e2e runs build first. */
export const serviceMain = (servicesDir: string, service: string): string => {
  const main = resolve(servicesDir, service, 'dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run-many -t build).`);
  return main;
};

/**
 * A built service as a real OS process (`node dist/main.js`), configured only through its
 * environment. It binds a free port itself (`PORT=0`) and reports it with its instance id
 * in a port file, and readiness is only accepted from the process whose instance id it
 * gave — so a test never talks to another process that happens to hold a released port.
 * Pass `port` to keep a fixed address across restarts. Output is kept for failures.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private output: string[] = [];
  private boundPort: number | undefined;
  private readonly runDir = mkdtempSync(join(tmpdir(), 'leerzone-child-'));
  private instanceId = '';

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly fixedPort?: number,
  ) {}

  get port(): number {
    if (this.boundPort === undefined) throw new Error(`${this.name} has not started.`);
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the process printed (JSON logs), for failure messages. */
  tail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  /** Starts the process and waits until /health/ready says ready (read models caught up, consumers joined). */
  async start(timeoutMs = 60_000, path = '/health/ready'): Promise<void> {
    this.instanceId = randomUUID();
    const portFile = join(this.runDir, `${this.instanceId}.port.json`);
    const child = spawn(process.execPath, [this.main], {
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.fixedPort ?? this.boundPort ?? 0),
        HOST: '127.0.0.1',
        LEERZONE_PORT_FILE: portFile,
        LEERZONE_INSTANCE_ID: this.instanceId,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 2_000) this.output = this.output.slice(-1_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${this.tail()}`);
      if (existsSync(portFile)) {
        const reported = JSON.parse(readFileSync(portFile, 'utf8')) as { port: number; instanceId: string };
        this.boundPort = reported.port;
        try {
          const live = (await (await fetch(`${this.url}/health/live`)).json()) as { instanceId?: string };
          if (live.instanceId !== this.instanceId) throw new Error(`another process (${live.instanceId}) answers on ${this.url}`);
          const response = await fetch(`${this.url}${path}`);
          if (response.ok) return;
          last = await response.text();
        } catch (error) {
          last = error instanceof Error ? error.message : String(error);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms (last answer: ${last}):\n${this.tail()}`);
  }

  /** SIGKILL: no shutdown hooks, nothing committed, no goodbye to the consumer group. */
  kill9(): Promise<void> {
    return this.stop('SIGKILL');
  }

  /** SIGTERM: graceful shutdown (consumers drain and commit, the relay stops). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.runDir, { recursive: true, force: true });
  }
}

export async function devToken(baseUrl: string, tenantId: string, userId: string, roles: string[] = ['coach']): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, userId, roles }),
  });
  if (!response.ok) throw new Error(`dev-token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
