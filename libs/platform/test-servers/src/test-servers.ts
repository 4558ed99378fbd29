import { existsSync } from 'node:fs';
import { afterAll, describe, it } from '@jest/globals';

/**
 * The servers the integration and end-to-end tiers run against. Each is found, in order:
 * 1. from its environment variable (what `.ci/run` and `npm run infra:up` provide);
 * 2. where a Docker engine is reachable, from a container started with testcontainers;
 * 3. otherwise the suite is reported as skipped with the reason — except with CI=true,
 *    where a missing server is a failing test, never a skip.
 */
export type ServerKind = 'kafka' | 'mongo' | 'postgres' | 'kurrentdb';

export const SERVER_ENV: Record<ServerKind, string> = {
  kafka: 'KAFKA_BROKERS',
  mongo: 'MONGO_URL',
  postgres: 'PG_URL',
  kurrentdb: 'EVENTSTORE_URL',
};

export type Availability =
  | { readonly mode: 'env'; readonly url: string }
  | { readonly mode: 'docker' }
  | { readonly mode: 'missing'; readonly reason: string; readonly failInCi: boolean };

const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env['CI'] ?? '');

/**
 * Which servers CI must have. KurrentDB cannot run on machines without Docker (it ships
 * no native package we can install from the reachable registries), so by default its
 * suite reports a visible skip in CI instead of failing; set
 * LEERZONE_REQUIRED_SERVERS=kafka,mongo,postgres,kurrentdb where one is provided.
 */
export const requiredInCi = (kind: ServerKind): boolean =>
  (process.env['LEERZONE_REQUIRED_SERVERS'] ?? 'kafka,mongo,postgres')
    .split(',')
    .map((s) => s.trim())
    .includes(kind);

export const dockerAvailable = (): boolean =>
  Boolean(process.env['DOCKER_HOST']) || existsSync('/var/run/docker.sock') || existsSync(`${process.env['HOME'] ?? ''}/.docker/run/docker.sock`);

export function serverAvailability(kind: ServerKind): Availability {
  const variable = SERVER_ENV[kind];
  const url = process.env[variable];
  if (url) return { mode: 'env', url };
  if (dockerAvailable()) return { mode: 'docker' };
  return {
    mode: 'missing',
    reason: `${variable} is not set and no Docker engine is reachable (start local servers with \`npm run infra:up\` and source infra/local/.run/env)`,
    failInCi: isCi() && requiredInCi(kind),
  };
}

interface Started {
  url: string;
  stop(): Promise<unknown>;
}

async function startContainer(kind: ServerKind): Promise<Started> {
  // Loaded lazily: machines without Docker never load testcontainers.
  switch (kind) {
    case 'postgres': {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const c = await new PostgreSqlContainer('postgres:16-alpine').withDatabase('leerzone').withUsername('leerzone').withPassword('leerzone').start();
      return { url: c.getConnectionUri(), stop: () => c.stop() };
    }
    case 'mongo': {
      const { MongoDBContainer } = await import('@testcontainers/mongodb');
      const c = await new MongoDBContainer('mongo:7').start();
      return { url: `${c.getConnectionString()}/?directConnection=true`, stop: () => c.stop() };
    }
    case 'kafka': {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const c = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
      return { url: `${c.getHost()}:${c.getMappedPort(9093)}`, stop: () => c.stop() };
    }
    case 'kurrentdb': {
      const { GenericContainer, Wait } = await import('testcontainers');
      const c = await new GenericContainer('docker.kurrent.io/kurrent-latest/kurrentdb:25.1')
        .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None', KURRENTDB_MEM_DB: 'true' })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
        .start();
      return { url: `kurrentdb://${c.getHost()}:${c.getMappedPort(2113)}?tls=false`, stop: () => c.stop() };
    }
  }
}

/**
 * Declares a suite that needs a real server. `url()` resolves to its address (starting a
 * container on first use where that is the path, stopped after the file's tests).
 */
export function describeWithServer(kind: ServerKind, title: string, body: (url: () => Promise<string>) => void): void {
  const availability = serverAvailability(kind);
  if (availability.mode === 'missing') {
    if (availability.failInCi) {
      describe(title, () => {
        it(`needs a real ${kind} server`, () => {
          throw new Error(`CI=true and ${availability.reason}. A missing server fails the run.`);
        });
      });
    } else {
      // eslint-disable-next-line no-console
      console.warn(`SKIPPED ${title}: ${availability.reason}.`);
      describe.skip(`${title} [skipped: ${availability.reason}]`, () => body(() => Promise.reject(new Error('skipped'))));
    }
    return;
  }
  let started: Promise<Started> | undefined;
  const url = (): Promise<string> => {
    if (availability.mode === 'env') return Promise.resolve(availability.url);
    started ??= startContainer(kind);
    return started.then((s) => s.url);
  };
  describe(title, () => {
    afterAll(async () => {
      if (started) await (await started).stop();
    });
    body(url);
  });
}
