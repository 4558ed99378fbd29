import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TcpProxy } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { startServices, type StartedService } from './run-service';
import type { ServiceDefinition } from './service-definition';

// /health/ready means something: a service on real PostgreSQL (event store) and a real
// MongoDB-wire server (read models), each reached through a TCP proxy the test cuts — so
// only this process loses its stores, never the shared servers.
@Module({})
class QuietModule {}
const quiet: ServiceDefinition = { name: 'readiness-test', streamPrefixes: ['readiness-test-'], module: QuietModule, defaultPort: 0, title: 'readiness test', description: 'readiness test' };

type Ready = { status: number; body: { status: string; checks: Record<string, { ready: boolean; details?: { error?: string } }> } };

const until = async (what: string, attempt: () => Promise<Ready>, accept: (r: Ready) => boolean, timeoutMs = 45_000): Promise<Ready> => {
  const deadline = Date.now() + timeoutMs;
  let last: Ready | undefined;
  while (Date.now() < deadline) {
    last = await attempt();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: still ${JSON.stringify(last?.body)}`);
};

describeWithServer('postgres', 'readiness with the stores cut', (pgUrl) => {
  describeWithServer('mongo', 'and restored', (mongoUrl) => {
    const dir = mkdtempSync(join(tmpdir(), 'leerzone-readiness-'));
    const database = `readiness_${Date.now().toString(36)}`;
    let pgProxy: TcpProxy;
    let mongoProxy: TcpProxy;
    let service: StartedService;
    const ready = async (): Promise<Ready> => {
      const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      return { status: response.status, body: (await response.json()) as Ready['body'] };
    };

    beforeAll(async () => {
      const pg = new URL(await pgUrl());
      const mongo = new URL(await mongoUrl());
      pgProxy = await new TcpProxy({ host: pg.hostname, port: Number(pg.port) }).start();
      mongoProxy = await new TcpProxy({ host: mongo.hostname, port: Number(mongo.port) }).start();
      pg.host = `127.0.0.1:${pgProxy.port}`;
      service = await startServices([quiet], {
        envDefaults: {
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dir,
          AUTH_DEV_ISSUER: 'true',
          EVENT_STORE_URL: `${pg.toString()}${pg.search ? '&' : '?'}schema=${database}`,
          PROJECTION_STORE_URL: `mongodb://127.0.0.1:${mongoProxy.port}/${database}?directConnection=true&serverSelectionTimeoutMS=1500`,
          OTEL_SDK_DISABLED: 'true',
        },
        messagingEnv: {},
      });
    });

    afterAll(async () => {
      await pgProxy?.restore();
      await mongoProxy?.restore();
      await service?.app.close();
      await pgProxy?.close();
      await mongoProxy?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is ready with both stores answering, and says which checks it made', async () => {
      const answer = await until('ready at start', ready, (r) => r.status === 200);
      expect(answer.body.checks['event-store']!.ready).toBe(true);
      expect(answer.body.checks['projection-store']!.ready).toBe(true);
    });

    it('is not ready while the read-model store is unreachable, and ready again once it is back', async () => {
      await mongoProxy.cut();
      const down = await until('not ready without MongoDB', ready, (r) => r.status === 503);
      expect(down.body.status).toBe('not-ready');
      expect(down.body.checks['projection-store']!.ready).toBe(false);
      expect(down.body.checks['event-store']!.ready).toBe(true);
      await mongoProxy.restore();
      await until('ready with MongoDB back', ready, (r) => r.status === 200);
    });

    it('is not ready while the event store is unreachable, and ready again once it is back', async () => {
      await pgProxy.cut();
      const down = await until('not ready without PostgreSQL', ready, (r) => r.status === 503 && r.body.checks['event-store']?.ready === false);
      expect(down.body.checks['event-store']!.details?.error).toBeTruthy();
      await pgProxy.restore();
      await until('ready with PostgreSQL back', ready, (r) => r.status === 200);
    });
  });
});
