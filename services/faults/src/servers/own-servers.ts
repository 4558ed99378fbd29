import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export type OwnServer = 'kafka' | 'mongo';

export interface OwnServerPorts {
  readonly kafka: number;
  readonly kafkaController: number;
  readonly mongo: number;
}

/**
 * Fixed ports of the suite's own servers, away from the shared ones (19092, 27117, 55432) so
 * that stopping them never touches what other tests use. Overridable for a machine where they are taken.
 */
export const defaultPorts = (env: NodeJS.ProcessEnv): OwnServerPorts => ({
  kafka: Number(env['LEERZONE_FAULTS_KAFKA_PORT'] ?? 29092),
  kafkaController: Number(env['LEERZONE_FAULTS_KAFKA_CONTROLLER_PORT'] ?? 29093),
  mongo: Number(env['LEERZONE_FAULTS_MONGO_PORT'] ?? 27217),
});

/**
 * The suite's own Kafka broker and FerretDB, started and stopped with the project's
 * infra/local scripts (up.sh / down.sh) pointed at a run directory and ports of their own —
 * the same installation, readiness checks and pid-file stops as the shared servers, but
 * separate processes the suite may stop and start as faults.
 */
export class OwnServers {
  constructor(
    private readonly root: string,
    readonly runDir: string,
    readonly ports: OwnServerPorts,
  ) {}

  get kafkaBrokers(): string {
    return `127.0.0.1:${this.ports.kafka}`;
  }

  get mongoUrl(): string {
    return `mongodb://127.0.0.1:${this.ports.mongo}/`;
  }

  /**
   * Reuses what the shared installation already resolved or built (the broker's jars, the
   * FerretDB binary with its stamp), so a first start does not run Maven or Go again.
   */
  prepare(): void {
    const shared = join(this.root, 'infra/local/.run');
    mkdirSync(join(this.runDir, 'kafka'), { recursive: true });
    mkdirSync(join(this.runDir, 'mongo'), { recursive: true });
    const lib = join(this.runDir, 'kafka/lib');
    if (!existsSync(lib) && existsSync(join(shared, 'kafka/lib/.stamp'))) symlinkSync(join(shared, 'kafka/lib'), lib);
    const bin = join(this.runDir, 'mongo/ferretdb-local');
    if (!existsSync(bin) && existsSync(join(shared, 'mongo/ferretdb-local.stamp'))) {
      copyFileSync(join(shared, 'mongo/ferretdb-local'), bin);
      copyFileSync(join(shared, 'mongo/ferretdb-local.stamp'), `${bin}.stamp`);
    }
  }

  start(...servers: OwnServer[]): Promise<void> {
    return this.script('up.sh', servers);
  }

  stop(...servers: OwnServer[]): Promise<void> {
    return this.script('down.sh', servers);
  }

  private script(name: string, servers: readonly OwnServer[]): Promise<void> {
    const env = {
      ...process.env,
      LEERZONE_RUN_DIR: this.runDir,
      LEERZONE_KAFKA_PORT: String(this.ports.kafka),
      LEERZONE_KAFKA_CONTROLLER_PORT: String(this.ports.kafkaController),
      LEERZONE_MONGO_PORT: String(this.ports.mongo),
      // A broker restart on a loaded machine can take longer than the scripts' default 90 s.
      LEERZONE_START_TIMEOUT: process.env['LEERZONE_START_TIMEOUT'] ?? '300',
    };
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [join(this.root, 'infra/local', name), ...servers], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`infra/local/${name} ${servers.join(' ')} exited with ${code}:\n${output.trim().split('\n').slice(-20).join('\n')}`))));
    });
  }
}
