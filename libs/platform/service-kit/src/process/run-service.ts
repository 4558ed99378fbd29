import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Logger, type INestApplication } from '@nestjs/common';
import { connectBusTransport, createHttpApp, secureAuthOptions, serviceEnvironment, type ServiceEnvironment } from '@leerzone/nest-platform';
import { ServiceProcessModule } from './service-process.module';
import type { ServiceDefinition } from './service-definition';

export interface StartOptions {
  /** The process's name (its data dir and Kafka client id); default: the only service's name. */
  readonly processName?: string;
  readonly defaultPort?: number;
  readonly title?: string;
  readonly description?: string;
  /** How the start line names the process: `<banner> is up on …`. Default: the title. */
  readonly banner?: string;
  /** Defaults merged under the environment (standalone: data under ./data, the development issuer). */
  readonly envDefaults?: NodeJS.ProcessEnv;
  /** The environment the bus reads; standalone passes `{}` so a stray KAFKA_BROKERS cannot make it distributed. */
  readonly messagingEnv?: NodeJS.ProcessEnv;
}

export interface StartedService {
  readonly app: INestApplication;
  readonly config: ServiceEnvironment;
  readonly port: number;
  readonly instanceId: string;
}

/**
 * Starts services as one process: configuration from the environment, the process module,
 * HTTP with OpenAPI and observability, then listen. `PORT=0` binds a free port; with
 * `LEERZONE_PORT_FILE` the process writes `{ port, instanceId, pid }` there once it listens,
 * so a parent (the test kit, `stack:up`) knows it is talking to its own child.
 */
export async function startServices(services: readonly ServiceDefinition[], options: StartOptions = {}): Promise<StartedService> {
  const single = services.length === 1 ? services[0]! : undefined;
  const processName = options.processName ?? single?.name;
  if (!processName) throw new Error('Name the process that hosts several services.');
  const env = { ...options.envDefaults, ...process.env };
  const read = serviceEnvironment(processName, options.defaultPort ?? single?.defaultPort ?? 3000, env);
  // Refuses the development issuer in production before anything opens.
  const config: ServiceEnvironment = { ...read, auth: secureAuthOptions(read.auth, env) };
  // Said before anything listens, so no one can reach the issuer before the warning is out.
  if (config.auth.devIssuer) {
    const reach = config.auth.devIssuer.allowRemote ? 'to ANY caller that can reach this port (AUTH_DEV_ISSUER_ALLOW_REMOTE=true)' : 'to callers on this machine';
    Logger.warn(
      `DEVELOPMENT TOKEN ISSUER IS ON: POST /api/auth/dev-token hands out tokens with any role ${reach} (HOST=${config.host}). For development only — production (NODE_ENV=production, AUTH_ISSUER or AUTH_JWKS_URL) refuses to start with it.`,
      'Leerzone',
    );
  }
  const instanceId = env['LEERZONE_INSTANCE_ID'] ?? randomUUID();
  process.env['LEERZONE_INSTANCE_ID'] = instanceId;
  const app = await createHttpApp(ServiceProcessModule.forRoot(services, config, options.messagingEnv ? { messagingEnv: options.messagingEnv } : {}), {
    title: options.title ?? single?.title ?? `Leerzone ${processName}`,
    description: options.description ?? single?.description ?? services.map((s) => s.title).join(', '),
    serviceName: processName === 'standalone' ? 'leerzone-standalone' : processName,
  });
  // @BusEvent handlers: the bus as a Nest microservice transport, started before the consumers run.
  await connectBusTransport(app);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const portFile = env['LEERZONE_PORT_FILE'];
  if (portFile) writeFileSync(portFile, JSON.stringify({ port, instanceId, pid: process.pid }));
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  Logger.log(`${options.banner ?? options.title ?? single?.title ?? processName} is up on http://${shown}:${port} — API docs at /docs, data in ${config.dataDir}`, 'Leerzone');
  return { app, config, port, instanceId };
}

/** `main.ts` of a service: `runService(governanceService)`. A failure to start exits 1 with the reason. */
export function runService(service: ServiceDefinition, options: StartOptions = {}): void {
  runServices([service], options);
}

export function runServices(services: readonly ServiceDefinition[], options: StartOptions = {}): void {
  startServices(services, options).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
