import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const SERVICES = resolve(__dirname, '../../..');

/** The built entry point of a service (`services/<name>/dist/main.js`); e2e runs build first. */
export const serviceMain = (service: string): string => {
  const main = resolve(SERVICES, service, 'dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run @leerzone/${service}-service:build).`);
  return main;
};

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/**
 * A built service as a real OS process (`node dist/main.js`), configured only through its
 * environment, on a fixed port so a restart keeps its address. Output is kept for failures.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private output: string[] = [];

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

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
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, [serviceMain(this.name)], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
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
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.ok) return;
        last = await response.text();
      } catch {
        // not listening yet
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
}

export async function devToken(baseUrl: string, tenantId: string, userId: string, roles: string[]): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, userId, roles }),
  });
  if (!response.ok) throw new Error(`dev-token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
