import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describeWithServer } from '@leerzone/test-servers';
import { MongoClient } from 'mongodb';
import { runCli } from '../cli';
import { commands } from '../commands';
import { isAlive, readStackState } from '../stack/stack-state';

// What the stack e2e specs share: the local servers, a stack under a name of its own (Kafka
// namespace, databases, schemas, so it collides with nothing else that runs), the CLI run
// in-process, and a cleanup that leaves nothing of the stack behind whatever the test did.

export interface CliAnswer {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the operator CLI in this process, as `leerzone <args>` would with `env`. */
export async function cliForTest(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliAnswer> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c: Buffer) => (chunks.out += c.toString()));
  err.on('data', (c: Buffer) => (chunks.err += c.toString()));
  const code = await runCli([...args], commands, { out, err, env });
  return { code, ...chunks };
}

/** Resolves with the first value `attempt` gives (anything but undefined); fails naming `what` after `timeoutMs`. */
export async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000, pauseMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

export interface StackForTest {
  /** The stack's name (`stack up --name`): its Kafka namespace and the prefix of its databases and schemas. */
  readonly name: string;
  /** The stack's run directory (`--run-dir`). */
  readonly runDir: string;
  /** The local servers' addresses and the spec's own variables; set before the first test. */
  readonly env: NodeJS.ProcessEnv;
  /** The CLI with this stack's environment. */
  cli(args: readonly string[]): Promise<CliAnswer>;
  /** A MongoDB database the spec creates besides the stack's own, dropped after the file. */
  dropAfter(database: string): void;
}

/**
 * A describe block over the real local Kafka, MongoDB-wire server and PostgreSQL (skipped,
 * or failed under CI=true, without them) that gives `body` a stack of its own, and after the
 * file stops it (`stack down --purge`), SIGKILLs any of its processes still alive, drops the
 * databases named with `dropAfter` and removes its run directory.
 */
export function describeWithStack(title: string, prefix: string, extraEnv: Record<string, string>, body: (stack: StackForTest) => void): void {
  describeWithServer('kafka', title, (kafkaUrl) => {
    describeWithServer('mongo', 'over MongoDB', (mongoUrl) => {
      describeWithServer('postgres', 'and PostgreSQL', (pgUrl) => {
        const name = `${prefix}${Date.now().toString(36)}`;
        const runDir = mkdtempSync(join(tmpdir(), `leerzone-${prefix}-`));
        const databases: string[] = [];
        let env: NodeJS.ProcessEnv = {};

        beforeAll(async () => {
          env = { ...process.env, KAFKA_BROKERS: await kafkaUrl(), MONGO_URL: await mongoUrl(), PG_URL: await pgUrl(), ...extraEnv };
        });

        body({
          name,
          runDir,
          get env() {
            return env;
          },
          cli: (args) => cliForTest(args, env),
          dropAfter: (database) => void databases.push(database),
        });

        // After the spec's own afterAll hooks (registered above, by body), which may still use the stack.
        afterAll(async () => {
          const last = readStackState(runDir);
          if (last) await cliForTest(['stack', 'down', '--run-dir', runDir, '--grace', '5', '--purge'], env);
          for (const p of last?.processes ?? []) if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
          if (databases.length > 0) {
            const mongo = new MongoClient(env['MONGO_URL']!);
            await mongo.connect();
            for (const database of databases) await mongo.db(database).dropDatabase();
            await mongo.close();
          }
          rmSync(runDir, { recursive: true, force: true });
        });
      });
    });
  });
}
