import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import type { EventStore } from '@leerzone/kernel';
import { AuditModule } from '@leerzone/audit';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { SqlitePersonalDataVault } from '@leerzone/personal-data-vault';
import type { EventBus } from '@leerzone/messaging';
import { EVENT_BUS, MessagingModule, PlatformModule, TokenService, connectBusTransport, createHttpApp, type Role } from '@leerzone/nest-platform';
import { InMemoryProjectionStore, type ProjectionStore } from '@leerzone/projection-store';
import { publishedBy, type ServiceDefinition } from '../process/service-definition';

export interface Caller {
  get(path: string, headers?: Record<string, string>): request.Test;
  post(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  put(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  patch(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  delete(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
}

export interface ServiceTestApp {
  readonly app: INestApplication;
  readonly store: SqliteEventStore;
  /** The in-process bus: other services' events can be published on it, this service's relayed events read from it. */
  readonly bus: EventBus;
  readonly projectionStore: ProjectionStore;
  /** The vault personal data is sealed with: erase a person here and read what remains. */
  readonly vault: SqlitePersonalDataVault;
  /** Where the test app keeps its files (store, keys). */
  readonly dir: string;
  /** A caller with a development token for this user, roles and tenant. */
  as(userId: string, roles: Role[], tenantId?: string): Promise<Caller>;
  anonymous(): Caller;
  /** The store's head position: unchanged means nothing was written. */
  head(): Promise<number>;
  close(): Promise<void>;
}

export interface ServiceTestAppOptions {
  /** Wraps the store (e.g. to lose every race). */
  readonly wrapStore?: (store: EventStore) => EventStore;
  readonly projectionStore?: () => Promise<ProjectionStore>;
  /** More modules to host beside the services (test doubles of nothing: real modules only). */
  readonly imports?: readonly Type<unknown>[];
  /**
   * Keep the app's files (event store, vault, keys, relay checkpoints) in this directory and
   * leave them on close: a second app started on the same directory is the process restarted.
   */
  readonly dir?: string;
  /** The messaging environment (KAFKA_BROKERS, KAFKA_NAMESPACE, …): a real broker instead of the in-process bus. Default: none. */
  readonly messagingEnv?: NodeJS.ProcessEnv;
}

/**
 * Services booted as the runners boot them — PlatformModule with the development issuer, the audit API,
 * SQLite on a temp file, in-memory read models, the in-process bus with one relay per
 * service — and driven over HTTP with supertest.
 */
export async function startServiceTestApp(services: readonly ServiceDefinition[], options: ServiceTestAppOptions = {}): Promise<ServiceTestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `leerzone-${services.map((s) => s.name).join('-')}-`));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
  const projectionStore = options.projectionStore ? await options.projectionStore() : new InMemoryProjectionStore();
  const vault = new SqlitePersonalDataVault({ filename: join(dir, 'personal-data-vault.db') });
  const module = {
    module: class ServiceTestModule {},
    imports: [
      PlatformModule.forRoot({
        auth: { devIssuer: { keyFile: join(dir, 'dev-signing-key.json') } },
        eventStore: async () => (options.wrapStore ? options.wrapStore(store) : store),
        projectionStore: async () => projectionStore,
        personalDataVault: async () => vault,
      }),
      // The audit API as every process serves it (index in memory; checkpoints signed by a key in the temp dir).
      AuditModule.forRoot({ checkpoints: { keyFile: join(dir, 'audit-signing-key.pem') } }),
      MessagingModule.forRoot({ service: services[0]!.name, publishes: services.map((s) => ({ service: s.name, filter: publishedBy(s) })), dataDir: dir, env: options.messagingEnv ?? {} }),
      ...services.map((service) => service.module),
      ...(options.imports ?? []),
    ],
  };
  const app = await createHttpApp(module, { title: `Leerzone ${services.map((s) => s.name).join(', ')} (test)`, description: 'integration test', ...(process.env['LEERZONE_TEST_LOGS'] ? {} : { logger: false }) });
  await connectBusTransport(app);
  await app.init();
  const tokens = app.get(TokenService);
  const server = app.getHttpServer();

  const caller = (bearer: string | null): Caller => {
    const withHeaders = (test: request.Test, headers: Record<string, string> = {}) => {
      if (bearer) test.set('Authorization', `Bearer ${bearer}`);
      for (const [name, value] of Object.entries(headers)) test.set(name, value);
      return test;
    };
    const withBody = (test: request.Test, body: unknown, headers?: Record<string, string>) => {
      const prepared = withHeaders(test, headers);
      return body === undefined ? prepared : prepared.send(body as object);
    };
    return {
      get: (path, headers) => withHeaders(request(server).get(path), headers),
      post: (path, body, headers) => withBody(request(server).post(path), body, headers),
      put: (path, body, headers) => withBody(request(server).put(path), body, headers),
      patch: (path, body, headers) => withBody(request(server).patch(path), body, headers),
      delete: (path, body, headers) => withBody(request(server).delete(path), body, headers),
    };
  };

  return {
    app,
    store,
    bus: app.get<EventBus>(EVENT_BUS),
    projectionStore,
    vault,
    dir,
    as: async (userId, roles, tenantId = 'acme') => caller(await tokens.issueDevToken({ tenantId, userId, roles })),
    anonymous: () => caller(null),
    head: () => store.headPosition(),
    close: async () => {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
