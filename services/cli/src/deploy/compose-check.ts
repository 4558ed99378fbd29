import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseEventStoreUrl } from '@leerzone/event-store';
import { kafkaOptionsFromEnv } from '@leerzone/messaging-kafka';
import { serviceEnvironment } from '@leerzone/nest-platform';
import { observabilityConfigFromEnv } from '@leerzone/observability';
import { SERVICE_CONFIGURATION } from '@leerzone/service-kit';
import { enabledByDefault, resolvedEnvironment, waitsFor, type ComposeFile } from './compose-file';
import { COMPOSE_INFRASTRUCTURE, DEPLOYED_SERVICES, environmentFor, platformTopics, type DeployedService, type Infrastructure } from './topology';

/**
 * Checks a Compose file (and the Dockerfile and the entry point's configuration) against the
 * code, without a Docker engine: each function returns what is wrong, in words; an empty
 * list means it holds. compose.spec.ts runs them over the real files (and over broken
 * copies, to show each check can fail).
 */

const message = (service: string, text: string) => `${service}: ${text}`;

/** `host:port` and `scheme://host:port` in an environment value → the host names it talks to. */
const hostsIn = (value: string): string[] => [...value.matchAll(/(?:^|[/,@])([a-z][a-z0-9-]*):\d{2,5}/g)].map((m) => m[1]!);

/** The services' containers: every deployed service, as the code defines it, with the configuration the code accepts. */
export function checkServices(compose: ComposeFile, infra: Infrastructure = COMPOSE_INFRASTRUCTURE, deployed: readonly DeployedService[] = DEPLOYED_SERVICES): string[] {
  const problems: string[] = [];
  const declared = new Set(SERVICE_CONFIGURATION.map((v) => v.name));
  for (const service of deployed) {
    const container = compose.services[service.name];
    if (!container) {
      problems.push(message(service.name, 'is not in the compose file'));
      continue;
    }
    const command = Array.isArray(container.command) ? container.command.join(' ') : (container.command ?? '');
    if (!command.includes(`services/${service.name}/dist/main.js`)) problems.push(message(service.name, `does not run services/${service.name}/dist/main.js (command: ${command || 'none'})`));
    const env = resolvedEnvironment(container);
    for (const name of Object.keys(env)) if (!declared.has(name)) problems.push(message(service.name, `sets ${name}, which no service reads (not in SERVICE_CONFIGURATION)`));
    const expected = environmentFor(service, infra);
    for (const [name, value] of Object.entries(expected)) {
      if (env[name] !== value) problems.push(message(service.name, `${name} is ${env[name] === undefined ? 'not set' : JSON.stringify(env[name])}, the topology says ${JSON.stringify(value)}`));
    }
    // What the code itself makes of this environment: the same functions the process calls at start.
    try {
      const config = serviceEnvironment(service.name, service.port, env);
      if (config.port !== service.port) problems.push(message(service.name, `listens on ${config.port}, its ServiceDefinition on ${service.port}`));
      parseEventStoreUrl(config.eventStoreUrl);
    } catch (error) {
      problems.push(message(service.name, `the service would refuse this configuration: ${(error as Error).message}`));
    }
    try {
      kafkaOptionsFromEnv(env, `leerzone-${service.name}`);
      observabilityConfigFromEnv(env);
    } catch (error) {
      problems.push(message(service.name, `the service would refuse this configuration: ${(error as Error).message}`));
    }
    const health = container.healthcheck?.test;
    const healthText = Array.isArray(health) ? health.join(' ') : (health ?? '');
    if (!healthText.includes('/health/ready')) problems.push(message(service.name, 'has no health check on /health/ready (the start order waits on readiness)'));
    if (!healthText.includes('process.env.PORT') && !healthText.includes(`:${service.port}/`)) problems.push(message(service.name, `its health check does not ask port ${service.port}`));
    const volumes = container.volumes ?? [];
    if (!volumes.some((v) => v.endsWith(`:${infra.dataDir(service.name, 1)}`))) problems.push(message(service.name, `keeps no volume on its data dir ${infra.dataDir(service.name, 1)}`));
  }
  const dataVolumes = deployed.map((s) => (compose.services[s.name]?.volumes ?? []).find((v) => v.endsWith(':/data'))).filter(Boolean);
  if (new Set(dataVolumes).size !== dataVolumes.length) problems.push('two services share one data volume');
  return problems;
}

/** Every service waits for what its configuration names (Kafka, the stores) to be healthy. */
export function checkStartOrder(compose: ComposeFile, deployed: readonly DeployedService[] = DEPLOYED_SERVICES): string[] {
  const problems: string[] = [];
  // What a dependency guarantees is up: itself once healthy; a one-shot that completed, also what it waited for healthy.
  const guaranteedBy = (dependency: string, condition: string): string[] => {
    if (condition === 'service_healthy') return [dependency];
    if (condition !== 'service_completed_successfully') return [];
    return [dependency, ...Object.entries(waitsFor(compose.services[dependency] ?? {})).filter(([, c]) => c === 'service_healthy').map(([d]) => d)];
  };
  for (const [name, container] of Object.entries(compose.services)) {
    if (!enabledByDefault(container)) continue;
    const waits = waitsFor(container);
    for (const [dependency, condition] of Object.entries(waits)) {
      const target = compose.services[dependency];
      if (!target) problems.push(message(name, `waits for ${dependency}, which is not in the file`));
      else if (!enabledByDefault(target)) problems.push(message(name, `waits for ${dependency}, which is not started by default (profiles: ${target.profiles!.join(', ')})`));
      if (condition === 'service_healthy' && target && !target.healthcheck?.test) problems.push(message(name, `waits for ${dependency} to be healthy, but it has no health check`));
    }
    const guaranteed = new Set(Object.entries(waits).flatMap(([dependency, condition]) => guaranteedBy(dependency, condition)));
    const env = resolvedEnvironment(container);
    for (const [variable, value] of Object.entries(env)) {
      // Telemetry is best effort: a collector that is not there yet loses spans, never requests.
      if (variable.startsWith('OTEL_')) continue;
      for (const host of hostsIn(value)) {
        if (host === name) continue;
        if (!compose.services[host]) {
          problems.push(message(name, `${variable} names ${host}, which is not a service of the file`));
        } else if (!guaranteed.has(host)) problems.push(message(name, `${variable} names ${host}, but ${name} does not wait for it to be healthy`));
      }
    }
  }
  for (const service of deployed) {
    const entry = Object.entries(compose.services).find(([, c]) => (c.ports ?? []).some((p) => /:8080$/.test(p)));
    if (entry && !Object.entries(waitsFor(entry[1])).some(([d, c]) => d === service.name && c === 'service_healthy')) problems.push(message(entry[0], `does not wait for ${service.name} to be ready`));
  }
  return problems;
}

/** Images pinned to a version (no `latest`, no bare major), named volumes declared, topics created at start. */
export function checkImagesVolumesTopics(compose: ComposeFile, deployed: readonly DeployedService[] = DEPLOYED_SERVICES): string[] {
  const problems: string[] = [];
  for (const [name, container] of Object.entries(compose.services)) {
    if (!container.image) {
      problems.push(message(name, 'names no image'));
      continue;
    }
    if (!container.build) {
      const tag = /:([^/:@]+)(@sha256:[0-9a-f]{64})?$/.exec(container.image)?.[1];
      if (!tag) problems.push(message(name, `image ${container.image} has no tag`));
      else if (tag === 'latest' || !/^v?\d+\.\d+(\.\d+)?([.-][A-Za-z0-9.-]+)?$/.test(tag)) problems.push(message(name, `image ${container.image} is not pinned to a version (major.minor[.patch])`));
    }
    for (const volume of container.volumes ?? []) {
      const [source] = volume.split(':');
      if (!source!.startsWith('.') && !source!.startsWith('/') && !(compose.volumes && source! in compose.volumes)) problems.push(message(name, `uses volume ${source}, which is not declared under volumes:`));
    }
  }
  const init = Object.entries(compose.services).find(([, c]) => resolvedEnvironment(c)['TOPICS'] !== undefined);
  if (!init) problems.push('no one-shot container creates the topics');
  else {
    const env = resolvedEnvironment(init[1]);
    const created = env['TOPICS']!.split(/\s+/).filter(Boolean).sort();
    const wanted = platformTopics().sort();
    if (created.join(' ') !== wanted.join(' ')) problems.push(message(init[0], `creates ${created.join(', ')}; the services use ${wanted.join(', ')}`));
    for (const service of deployed) {
      const partitions = resolvedEnvironment(compose.services[service.name] ?? {})['KAFKA_TOPIC_PARTITIONS'];
      if (partitions !== undefined && partitions !== env['PARTITIONS']) problems.push(message(init[0], `creates ${env['PARTITIONS']} partitions, ${service.name} expects ${partitions}`));
      if (waitsFor(compose.services[service.name] ?? {})[init[0]] !== 'service_completed_successfully') problems.push(message(service.name, `does not wait for ${init[0]} to complete`));
    }
  }
  return problems;
}

/** The Dockerfile: Node 22 LTS slim in every stage, production dependencies only, a non-root user, a health check, every service built. */
export function checkDockerfile(text: string, packages: ReadonlyMap<string, string>, deployed: readonly DeployedService[] = DEPLOYED_SERVICES): string[] {
  const problems: string[] = [];
  const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
  if (froms.length < 2) problems.push('Dockerfile: not a multi-stage build');
  for (const image of froms) if (!/^node:22\.\d+\.\d+-[a-z]+-slim$/.test(image)) problems.push(`Dockerfile: ${image} is not a pinned Node 22 LTS slim image`);
  const final = text.slice(text.lastIndexOf('\nFROM '));
  const user = [...final.matchAll(/^USER\s+(\S+)/gm)].pop()?.[1];
  if (!user || user === 'root' || user === '0') problems.push('Dockerfile: the final stage does not run as a non-root user');
  if (!/^HEALTHCHECK\s/m.test(final) || !final.includes('/health/live')) problems.push('Dockerfile: no HEALTHCHECK on /health/live');
  if (!/npm (prune|ci)[^\n]*--omit=dev/.test(text)) problems.push('Dockerfile: dev dependencies are not dropped (npm prune --omit=dev)');
  for (const service of deployed) {
    const name = packages.get(service.name);
    if (!name || !text.includes(name)) problems.push(`Dockerfile: does not build ${name ?? service.name}`);
  }
  return problems;
}

/** The entry point (nginx): each service's API prefixes to its upstream on its port, and every route of the code reaches its service. */
export function checkEntryPoint(nginx: string, routes: ReadonlyMap<string, readonly string[]>, deployed: readonly DeployedService[] = DEPLOYED_SERVICES): string[] {
  const problems: string[] = [];
  const upstreams = new Map([...nginx.matchAll(/upstream\s+([\w-]+)\s*\{\s*server\s+([\w-]+):(\d+);/g)].map((m) => [m[1]!, { host: m[2]!, port: Number(m[3]) }]));
  const locations = new Map([...nginx.matchAll(/location\s+\/api\/([\w-]+)\/\s*\{\s*proxy_pass\s+http:\/\/([\w-]+);/g)].map((m) => [m[1]!, m[2]!]));
  for (const service of deployed) {
    for (const prefix of service.apiPrefixes) {
      const upstream = locations.get(prefix);
      const target = upstream ? upstreams.get(upstream) : undefined;
      if (!target) problems.push(`entry point: /api/${prefix}/ does not reach ${service.name}`);
      else if (target.host !== service.name || target.port !== service.port) problems.push(`entry point: /api/${prefix}/ goes to ${target.host}:${target.port}, ${service.name} listens on ${service.port}`);
    }
  }
  for (const [service, prefixes] of routes) {
    const owner = deployed.find((s) => s.name === service);
    for (const prefix of prefixes) {
      if (!owner?.apiPrefixes.includes(prefix)) problems.push(`entry point: ${service} serves /api/${prefix}/…, which the topology does not route to it`);
    }
  }
  return problems;
}

// --- reading the code ---------------------------------------------------------------

const walk = (dir: string, keep: (path: string) => boolean): string[] =>
  !existsSync(dir)
    ? []
    : readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return ['node_modules', 'dist', 'testing', 'bench'].includes(entry) ? [] : walk(path, keep);
        return keep(path) ? [path] : [];
      });

const runtimeSource = (path: string) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts');

/** The services (by name) whose `main.ts` starts one, with the directory it lives in. */
export function servicesInCode(root: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of readdirSync(join(root, 'services'))) {
    const main = join(root, 'services', dir, 'src', 'main.ts');
    if (!existsSync(main) || !/\brunService\(/.test(readFileSync(main, 'utf8'))) continue;
    const module = walk(join(root, 'services', dir, 'src'), (p) => p.endsWith('.module.ts')).map((p) => readFileSync(p, 'utf8')).join('\n');
    const name = /ServiceDefinition\s*=\s*\{[^}]*?name:\s*'([^']+)'/s.exec(module)?.[1];
    if (name) found.set(name, dir);
  }
  return found;
}

/** Per service, the first path segments under /api/ its controllers serve. */
export function routesInCode(root: string, services: ReadonlyMap<string, string>): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const [name, dir] of services) {
    const prefixes = new Set<string>();
    for (const file of walk(join(root, 'services', dir, 'src'), (p) => p.endsWith('.controller.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Controller\('api\/([\w-]+)/g)) prefixes.add(m[1]!);
    }
    routes.set(name, [...prefixes]);
  }
  // The platform's own APIs (development issuer, audit) are served by every process; the entry point sends them to the first service.
  const platform = new Set<string>();
  for (const lib of ['nest-platform', 'audit']) {
    for (const file of walk(join(root, 'libs/platform', lib, 'src'), (p) => p.endsWith('.controller.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Controller\('api\/([\w-]+)/g)) platform.add(m[1]!);
    }
  }
  const first = DEPLOYED_SERVICES[0]!.name;
  routes.set(first, [...(routes.get(first) ?? []), ...platform]);
  return routes;
}

/** The package name of each service (`@leerzone/governance-service`). */
export function packagesInCode(root: string, services: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...services].map(([name, dir]) => [name, (JSON.parse(readFileSync(join(root, 'services', dir, 'package.json'), 'utf8')) as { name: string }).name]));
}

/**
 * Every environment variable the code a service process runs reads: `env['X']`, `env.X`,
 * quoted `KAFKA_*` / `OTEL_*` names, and the upper-case keys of environment schemas (zod). Test kits,
 * benches and the CLI are not part of a service process.
 */
export function environmentReadsInCode(root: string): Map<string, string[]> {
  const files = [
    // The processes that are deployed (and standalone, which runs them in one); runners such as
    // the CLI, the demo, the fault suite or the web app's build are configured otherwise.
    ...readdirSync(join(root, 'services'))
      .filter((dir) => dir === 'standalone' || DEPLOYED_SERVICES.some((s) => s.name === dir))
      .flatMap((dir) => walk(join(root, 'services', dir, 'src'), runtimeSource)),
    ...readdirSync(join(root, 'libs'))
      .flatMap((scope) => readdirSync(join(root, 'libs', scope)).map((lib) => join(root, 'libs', scope, lib)))
      .filter((dir) => !/(test-servers|bench-kit|architecture)$/.test(dir))
      .flatMap((dir) => walk(join(dir, 'src'), runtimeSource)),
  ];
  const reads = new Map<string, string[]>();
  const add = (name: string, file: string) => reads.set(name, [...(reads.get(name) ?? []), relative(root, file)]);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/env\s*\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]|env\.([A-Z][A-Z0-9_]*)\b|['"]((?:KAFKA|OTEL)_[A-Z0-9_]+)['"]/g)) add(m[1] ?? m[2] ?? m[3]!, file);
    // Environment schemas (`const Env = z.object({ PORT: …, … })`): their upper-case keys.
    for (const schema of text.matchAll(/z\.object\(\{([\s\S]*?)\n\}\)/g)) {
      for (const m of schema[1]!.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)) add(m[1]!, file);
    }
  }
  return reads;
}
