import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { StoredEvent } from '@leerzone/kernel';
import type { EventBus } from '@leerzone/messaging';
import { StoredEventFactory } from '@leerzone/messaging/testing';
import { EVENT_BUS, MessagingModule, PlatformModule, TokenService, createHttpApp, type Role } from '@leerzone/nest-platform';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { InMemoryEventStore } from '@leerzone/projections/testing';
import { AnalyticsModule } from '../analytics.module';

export interface AnalyticsTestApp {
  readonly app: INestApplication;
  readonly bus: EventBus;
  /** Governance's events as its relay would publish them. */
  readonly governance: GovernanceEvents;
  get(path: string, userId: string, roles: Role[], tenantId?: string): Promise<request.Response>;
  close(): Promise<void>;
}

/** Builds governance team events with the envelope a store gives them (stream and global positions). */
export class GovernanceEvents {
  private readonly factory = new StoredEventFactory({ tenantId: 'acme' });
  private clock = Date.UTC(2026, 2, 2, 9, 0, 0);

  event(teamId: string, type: string, data: Record<string, unknown>, overrides: Partial<StoredEvent> = {}): StoredEvent {
    const occurredAt = new Date((this.clock += 60_000)).toISOString();
    return this.factory.next(`team-${teamId}`, { type, occurredAt, data: { teamId, ...data }, ...overrides });
  }
}

/**
 * The analytics module booted as the runners boot it (development issuer, in-memory stores,
 * the in-process bus), driven over HTTP; tests publish governance's events on the bus.
 */
export async function startAnalyticsApp(): Promise<AnalyticsTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-analytics-'));
  const module = {
    module: class AnalyticsTestModule {},
    imports: [
      PlatformModule.forRoot({
        auth: { devIssuer: { keyFile: join(dir, 'dev-signing-key.json') } },
        eventStore: async () => new InMemoryEventStore(),
        projectionStore: async () => new InMemoryProjectionStore(),
      }),
      MessagingModule.forRoot({ service: 'analytics', dataDir: dir, env: {} }),
      AnalyticsModule,
    ],
  };
  const app = await createHttpApp(module, { title: 'Leerzone analytics (test)', description: 'integration test', logger: false });
  await app.init();
  const tokens = app.get(TokenService);
  return {
    app,
    bus: app.get<EventBus>(EVENT_BUS),
    governance: new GovernanceEvents(),
    get: async (path, userId, roles, tenantId = 'acme') =>
      request(app.getHttpServer())
        .get(path)
        .set('Authorization', `Bearer ${await tokens.issueDevToken({ tenantId, userId, roles })}`),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
