import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { EventStore } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { PlatformModule, TokenService, createHttpApp, type Role } from '@leerzone/nest-platform';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { GovernanceModule } from '../governance.module';

export interface Caller {
  get(path: string, headers?: Record<string, string>): request.Test;
  post(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  put(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  patch(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  delete(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
}

export interface GovernanceTestApp {
  readonly app: INestApplication;
  readonly store: SqliteEventStore;
  /** A caller with a development token for this user, roles and tenant. */
  as(userId: string, roles: Role[], tenantId?: string): Promise<Caller>;
  anonymous(): Caller;
  /** The store's head position: unchanged means nothing was written. */
  head(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The governance module booted as the runners boot it (PlatformModule with the development
 * issuer, SQLite on a temp file, in-memory read models), driven over HTTP with supertest.
 * `wrapStore` lets a test put a decorator around the store (e.g. to lose every race).
 */
export async function startGovernanceApp(options: { wrapStore?: (store: EventStore) => EventStore } = {}): Promise<GovernanceTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-governance-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
  const module = {
    module: class GovernanceTestModule {},
    imports: [
      PlatformModule.forRoot({
        auth: { devIssuer: { keyFile: join(dir, 'dev-signing-key.json') } },
        eventStore: async () => (options.wrapStore ? options.wrapStore(store) : store),
        projectionStore: async () => new InMemoryProjectionStore(),
      }),
      GovernanceModule,
    ],
  };
  const app = await createHttpApp(module, { title: 'Leerzone governance (test)', description: 'integration test', logger: false });
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
    as: async (userId, roles, tenantId = 'acme') => caller(await tokens.issueDevToken({ tenantId, userId, roles })),
    anonymous: () => caller(null),
    head: () => store.headPosition(),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
