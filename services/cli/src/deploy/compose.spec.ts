import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICE_CONFIGURATION, type ServiceDefinition } from '@leerzone/service-kit';
import {
  checkDockerfile,
  checkEntryPoint,
  checkImagesVolumesTopics,
  checkServices,
  checkStartOrder,
  environmentReadsInCode,
  packagesInCode,
  routesInCode,
  servicesInCode,
} from './compose-check';
import { enabledByDefault, interpolateDefaults, mergeCompose, parseCompose, readCompose, resolvedEnvironment, waitsFor, type ComposeFile } from './compose-file';
import { COMPOSE_INFRASTRUCTURE, COMPOSE_POSTGRES_EVENT_STORE, DEPLOYED_SERVICES, eventStoreUrlFor } from './topology';

// The proof of docker-compose.yml without a Docker engine: the file, the override, the
// Dockerfile and the entry point's configuration, checked against the code.
const root = resolve(__dirname, '../../../..');
const compose = readCompose(join(root, 'docker-compose.yml'));
const withPostgres = mergeCompose(compose, readCompose(join(root, 'infra/compose/postgres.yml')));
const inCode = servicesInCode(root);
const clone = (file: ComposeFile): ComposeFile => JSON.parse(JSON.stringify(file)) as ComposeFile;

describe('the topology and the code', () => {
  it('names every service the code starts, with its ServiceDefinition’s name and port', async () => {
    expect([...inCode.keys()].sort()).toEqual(DEPLOYED_SERVICES.map((s) => s.name).sort());
    // Each service's package exports its ServiceDefinition: the one the topology names, on the topology's port.
    for (const service of DEPLOYED_SERVICES) {
      const dir = inCode.get(service.name)!;
      const { name: packageName } = JSON.parse(readFileSync(join(root, 'services', dir, 'package.json'), 'utf8')) as { name: string };
      const exported = Object.values((await import(packageName)) as Record<string, unknown>);
      const definitions = exported.filter((value): value is ServiceDefinition => typeof value === 'object' && value !== null && 'defaultPort' in value && 'streamPrefixes' in value);
      expect(definitions.map((d) => [d.name, d.defaultPort])).toEqual([[service.name, service.port]]);
    }
  });

  it('declares every environment variable a service process reads (SERVICE_CONFIGURATION), with a default', () => {
    const declared = new Map(SERVICE_CONFIGURATION.map((v) => [v.name, v]));
    const reads = environmentReadsInCode(root);
    // Sanity: the scan finds the reads it must find (so an empty result cannot pass).
    for (const name of ['PORT', 'EVENT_STORE_URL', 'KAFKA_BROKERS', 'KAFKA_TOPIC_PARTITIONS', 'OTEL_SDK_DISABLED', 'OKR_STATUS_THRESHOLDS']) expect(reads.has(name)).toBe(true);
    // A new variable? Declare it in SERVICE_CONFIGURATION (service-kit) and in docs/operations.md's table.
    const undeclared = [...reads].filter(([name]) => !declared.has(name)).map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(undeclared).toEqual([]);
    for (const variable of SERVICE_CONFIGURATION) expect(variable.default.length).toBeGreaterThan(0);
  });
});

describe('docker-compose.yml', () => {
  it('runs every service with the topology’s configuration, which the code accepts', () => {
    expect(checkServices(compose)).toEqual([]);
  });

  it('starts in a health-checked order: each service waits for the servers its configuration names', () => {
    expect(checkStartOrder(compose)).toEqual([]);
    for (const service of DEPLOYED_SERVICES) {
      expect(waitsFor(compose.services[service.name]!)).toMatchObject({ 'kafka-topics': 'service_completed_successfully', mongo: 'service_healthy', kurrentdb: 'service_healthy' });
    }
  });

  it('pins every image, declares its named volumes and creates the topics at start', () => {
    expect(checkImagesVolumesTopics(compose)).toEqual([]);
  });

  it('has Kafka on KRaft from the official image, KurrentDB, MongoDB, a collector and Jaeger', () => {
    expect(compose.services['kafka']!.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(resolvedEnvironment(compose.services['kafka']!)['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(compose.services['kurrentdb']!.image).toMatch(/kurrentdb:\d+\.\d+\.\d+$/);
    expect(compose.services['mongo']!.image).toMatch(/^mongo:\d+\.\d+\.\d+$/);
    expect(compose.services['otel-collector']!.image).toMatch(/opentelemetry-collector/);
    expect(compose.services['jaeger']!.image).toMatch(/^jaegertracing\//);
    const collector = readFileSync(join(root, 'infra/docker/otel-collector.yaml'), 'utf8');
    expect(collector).toContain('endpoint: 0.0.0.0:4318');
    expect(collector).toContain('endpoint: jaeger:4317');
    expect(COMPOSE_INFRASTRUCTURE.otlpEndpoint).toBe('http://otel-collector:4318');
  });

  it('serves every service’s API on one port through the entry point', () => {
    const nginx = readFileSync(join(root, 'infra/docker/nginx.conf'), 'utf8');
    expect(checkEntryPoint(nginx, routesInCode(root, inCode))).toEqual([]);
    expect(compose.services['entry']!.ports).toEqual(['${LEERZONE_PORT:-8080}:8080']);
    expect(nginx).toMatch(/listen 8080;/);
  });
});

describe('the PostgreSQL override (infra/compose/postgres.yml)', () => {
  it('puts every service’s event store on PostgreSQL, each in its own schema, and starts no KurrentDB', () => {
    for (const service of DEPLOYED_SERVICES) {
      expect(resolvedEnvironment(withPostgres.services[service.name]!)['EVENT_STORE_URL']).toBe(eventStoreUrlFor(service.name, COMPOSE_POSTGRES_EVENT_STORE));
      expect(waitsFor(withPostgres.services[service.name]!)).toMatchObject({ postgres: 'service_healthy', mongo: 'service_healthy' });
      expect(waitsFor(withPostgres.services[service.name]!)['kurrentdb']).toBeUndefined();
    }
    expect(enabledByDefault(withPostgres.services['kurrentdb']!)).toBe(false);
    expect(checkServices(withPostgres, { ...COMPOSE_INFRASTRUCTURE, eventStore: COMPOSE_POSTGRES_EVENT_STORE })).toEqual([]);
    expect(checkStartOrder(withPostgres)).toEqual([]);
    expect(checkImagesVolumesTopics(withPostgres)).toEqual([]);
  });
});

describe('infra/docker/Dockerfile', () => {
  it('is one multi-stage Node 22 LTS slim image, production dependencies only, non-root, with a health check, building every service', () => {
    const dockerfile = readFileSync(join(root, 'infra/docker/Dockerfile'), 'utf8');
    expect(checkDockerfile(dockerfile, packagesInCode(root, inCode))).toEqual([]);
  });
});

describe('the checks fail on what they guard against', () => {
  it('a service missing, a variable unset or unknown, a bad value', () => {
    const broken = clone(compose);
    delete broken.services['okr'];
    delete (broken.services['analytics']!.environment as Record<string, unknown>)['KAFKA_BROKERS'];
    (broken.services['assessment']!.environment as Record<string, unknown>)['KAFKA_BROKRES'] = 'kafka:9092';
    (broken.services['failure-learning']!.environment as Record<string, unknown>)['KAFKA_TOPIC_PARTITIONS'] = 'six';
    (broken.services['governance']!.environment as Record<string, unknown>)['AUTH_DEV_ISSUER'] = 'false';
    const problems = checkServices(broken).join('\n');
    expect(problems).toContain('okr: is not in the compose file');
    expect(problems).toContain('analytics: KAFKA_BROKERS is not set');
    expect(problems).toContain('assessment: sets KAFKA_BROKRES, which no service reads');
    expect(problems).toMatch(/failure-learning: the service would refuse this configuration: KAFKA_TOPIC_PARTITIONS must be a positive integer/);
    expect(problems).toMatch(/governance: the service would refuse this configuration: Invalid configuration: no token would be accepted/);
  });

  it('a service that does not wait for a store it names, and a health check on another port', () => {
    const broken = clone(compose);
    delete (broken.services['okr']!.depends_on as Record<string, unknown>)['mongo'];
    (broken.services['analytics']!.depends_on as Record<string, { condition: string }>)['kurrentdb'] = { condition: 'service_started' };
    broken.services['governance'] = { ...broken.services['governance']!, healthcheck: { test: ['CMD', 'curl', 'http://127.0.0.1:9999/health/live'] } };
    expect(checkStartOrder(broken)).toEqual(
      expect.arrayContaining([
        'okr: PROJECTION_STORE_URL names mongo, but okr does not wait for it to be healthy',
        'analytics: EVENT_STORE_URL names kurrentdb, but analytics does not wait for it to be healthy',
      ]),
    );
    expect(checkServices(broken)).toEqual(expect.arrayContaining(['governance: has no health check on /health/ready (the start order waits on readiness)', 'governance: its health check does not ask port 3001']));
  });

  it('an unpinned image, an undeclared volume, a topic not created', () => {
    const broken = clone(compose);
    broken.services['mongo'] = { ...broken.services['mongo']!, image: 'mongo:latest' };
    broken.services['jaeger'] = { ...broken.services['jaeger']!, image: 'jaegertracing/all-in-one:1' };
    broken.services['okr'] = { ...broken.services['okr']!, volumes: ['okr-state:/data'] };
    const init = broken.services['kafka-topics']!.environment as Record<string, string>;
    init['TOPICS'] = init['TOPICS']!.replace('leerzone.okr.events.dlq', '');
    expect(checkImagesVolumesTopics(broken)).toEqual(
      expect.arrayContaining([
        'mongo: image mongo:latest is not pinned to a version (major.minor[.patch])',
        'jaeger: image jaegertracing/all-in-one:1 is not pinned to a version (major.minor[.patch])',
        'okr: uses volume okr-state, which is not declared under volumes:',
        expect.stringMatching(/^kafka-topics: creates .* the services use/),
      ]),
    );
  });

  it('a Dockerfile on another Node, as root, without a health check, missing a service', () => {
    const problems = checkDockerfile('FROM node:20-slim AS build\nRUN npm ci\nFROM node:latest\nCMD ["node"]\n', new Map([['okr', '@leerzone/okr-service']]), DEPLOYED_SERVICES.filter((s) => s.name === 'okr'));
    expect(problems).toEqual([
      'Dockerfile: node:20-slim is not a pinned Node 22 LTS slim image',
      'Dockerfile: node:latest is not a pinned Node 22 LTS slim image',
      'Dockerfile: the final stage does not run as a non-root user',
      'Dockerfile: no HEALTHCHECK on /health/live',
      'Dockerfile: dev dependencies are not dropped (npm prune --omit=dev)',
      'Dockerfile: does not build @leerzone/okr-service',
    ]);
  });

  it('an entry point that misroutes a service, and a route of the code the topology does not send anywhere', () => {
    const nginx = readFileSync(join(root, 'infra/docker/nginx.conf'), 'utf8').replace('upstream okr { server okr:3003; }', 'upstream okr { server okr:3030; }').replace(/location \/api\/assessment\/[^\n]*\n/, '');
    const routes = new Map([...routesInCode(root, inCode), ['analytics', ['analytics', 'reports']]]);
    expect(checkEntryPoint(nginx, routes)).toEqual(
      expect.arrayContaining([
        'entry point: /api/okr/ goes to okr:3030, okr listens on 3003',
        'entry point: /api/assessment/ does not reach assessment',
        'entry point: analytics serves /api/reports/…, which the topology does not route to it',
      ]),
    );
  });

  it('reads Compose’s interpolation and override tags as Compose does', () => {
    expect(interpolateDefaults('${A:-x}/${B-y}/${C}/$$D', { B: '' })).toBe('x///$D');
    const merged = mergeCompose(
      parseCompose('services:\n  a:\n    image: a:1.0\n    depends_on: { b: { condition: service_healthy } }\n    environment: { X: "1" }\n    volumes: [v:/data]\n'),
      parseCompose('services:\n  a:\n    depends_on: !override\n      c: { condition: service_started }\n    environment: { Y: "2" }\n'),
    );
    expect(waitsFor(merged.services['a']!)).toEqual({ c: 'service_started' });
    expect(resolvedEnvironment(merged.services['a']!)).toEqual({ X: '1', Y: '2' });
    expect(() => parseCompose('services:\n  a: [unclosed\n')).toThrow();
  });
});

describe('docs/operations.md', () => {
  it('documents every variable an operator may set', () => {
    const operations = readFileSync(join(root, 'docs/operations.md'), 'utf8');
    const missing = SERVICE_CONFIGURATION.filter((v) => !v.internal && !operations.includes(`| \`${v.name}\` |`)).map((v) => v.name);
    expect(missing).toEqual([]);
  });
});
