import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Infrastructure } from '../deploy/topology';

/** The repository the CLI runs from: `services/cli/{src,dist}/…` → three levels up. */
export const repositoryRoot = (): string => resolve(__dirname, '../../../..');

/** `KEY=value` lines of infra/local/.run/env (written by `npm run infra:up`). */
export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) values[m[1]!] = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export interface LocalServers {
  readonly kafkaBrokers: string;
  readonly mongoUrl: string;
  readonly pgUrl: string;
}

/**
 * The local servers: KAFKA_BROKERS, MONGO_URL and PG_URL from the environment, else from
 * infra/local/.run/env. A missing one is an error that says how to start them.
 */
export function localServers(env: NodeJS.ProcessEnv, root = repositoryRoot()): LocalServers {
  const file = readEnvFile(join(root, 'infra/local/.run/env'));
  const pick = (name: string): string => {
    const value = (env[name] ?? file[name] ?? '').trim();
    if (!value) throw new Error(`${name} is not set and infra/local/.run/env does not name it: start the local servers with \`npm run infra:up\` (or set ${name}).`);
    return value;
  };
  return { kafkaBrokers: pick('KAFKA_BROKERS'), mongoUrl: pick('MONGO_URL'), pgUrl: pick('PG_URL') };
}

/** A stack's name: its Kafka namespace, and the prefix of its MongoDB databases and PostgreSQL schemas. */
export const STACK_NAME = /^[a-z][a-z0-9]{0,29}$/;

/**
 * The topology on the local servers: Kafka as it is, one MongoDB database and one
 * PostgreSQL schema per service (prefixed with the stack's name), the development issuer
 * with a key in the run directory, telemetry only if OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export function localInfrastructure(servers: LocalServers, name: string, runDir: string, env: NodeJS.ProcessEnv, partitions = 6): Infrastructure {
  const otlp = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim();
  return {
    kafkaBrokers: servers.kafkaBrokers,
    kafkaNamespace: name,
    partitions,
    mongoUrl: servers.mongoUrl.replace(/\/[^/?]*(\?.*)?$/, '/'),
    mongoDatabasePrefix: `${name}_`,
    eventStore: { kind: 'postgres', url: servers.pgUrl, schemaPrefix: `${name}_` },
    devKeyFile: join(runDir, 'dev-signing-key.json'),
    ...(otlp ? { otlpEndpoint: otlp } : {}),
    dataDir: (service, instance) => join(runDir, instance === 1 ? service : `${service}-${instance}`),
  };
}
