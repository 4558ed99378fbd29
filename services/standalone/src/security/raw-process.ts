import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const STANDALONE_MAIN = resolve(__dirname, '../../dist/main.js');

export type RawOutcome =
  | { readonly kind: 'listening'; readonly port: number; readonly output: string; stop(): Promise<void> }
  | { readonly kind: 'exited'; readonly code: number | null; readonly output: string };

/**
 * The built standalone started exactly as given — unlike the test kit's ServiceProcess, which
 * pins HOST to loopback — to see where it listens, or whether it refuses to start at all.
 */
export async function startRaw(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<RawOutcome> {
  if (!existsSync(STANDALONE_MAIN)) throw new Error(`${STANDALONE_MAIN} is missing: build it first (npx nx run @leerzone/standalone:build).`);
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-security-raw-'));
  const portFile = join(dir, 'port.json');
  const base = { ...process.env };
  for (const name of ['HOST', 'NODE_ENV', 'AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_DEV_ISSUER', 'KAFKA_BROKERS']) delete base[name];
  const child = spawn(process.execPath, [STANDALONE_MAIN], {
    env: { ...base, OTEL_SDK_DISABLED: 'true', DATA_DIR: join(dir, 'data'), PORT: '0', LEERZONE_PORT_FILE: portFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const code = await exited;
      cleanup();
      return { kind: 'exited', code, output };
    }
    if (existsSync(portFile)) {
      const { port } = JSON.parse(readFileSync(portFile, 'utf8')) as { port: number };
      return {
        kind: 'listening',
        port,
        get output() {
          return output;
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
          cleanup();
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await exited;
  cleanup();
  throw new Error(`standalone neither listened nor exited within ${timeoutMs} ms:\n${output.slice(-2000)}`);
}
