import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, HttpException, Module, Param, Post, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { InMemoryEventStore } from '@leerzone/projections/testing';
import { AnyRole, Public } from '../auth/auth.decorators';
import { TokenService } from '../auth/token-verifier';
import { createHttpApp } from '../bootstrap';
import { PlatformModule } from '../platform.module';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './edge-options';

@Controller('api/edge-test')
class EdgeTestController {
  @AnyRole('an edge test route')
  @Get('ok')
  ok() {
    return { ok: true };
  }

  @AnyRole('an edge test route')
  @Post('echo')
  echo(@Body() body: unknown) {
    return { body };
  }

  @Public()
  @Get('public')
  open() {
    return { open: true };
  }

  @AnyRole('an edge test route')
  @Get('boom')
  boom(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.7:5432 at /srv/leerzone/node_modules/pg/lib/client.js');
  }

  @AnyRole('an edge test route')
  @Get('upstream')
  upstream(): never {
    throw new HttpException('mongo password rejected for user leerzone@10.0.0.8', 502);
  }

  @AnyRole('an edge test route')
  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [EdgeTestController] })
class EdgeTestModule {}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/;

describe('the HTTP edge every service inherits', () => {
  let app: INestApplication;
  let dir: string;

  const start = async (rateLimits: RateLimits = DEFAULT_RATE_LIMITS, corsOrigins: string[] = []) => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-edge-'));
    const module = {
      module: class EdgeTestRoot {},
      imports: [
        PlatformModule.forRoot({ auth: { devIssuer: { keyFile: join(dir, 'key.json') } }, eventStore: async () => new InMemoryEventStore(), projectionStore: async () => new InMemoryProjectionStore(), rateLimits }),
        EdgeTestModule,
      ],
    };
    app = await createHttpApp(module, { title: 'edge test', description: 'edge test', logger: false, edge: { corsOrigins, rateLimits } });
    await app.init();
    return app.getHttpServer();
  };
  const tokenFor = (userId: string, tenantId = 'acme') => app.get(TokenService).issueDevToken({ tenantId, userId, roles: ['member'] });

  afterEach(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request with a request id, errors included, and keeps a well-formed incoming one', async () => {
    const server = await start();
    const bearer = `Bearer ${await tokenFor('ada')}`;
    const answers = [
      await request(server).get('/api/edge-test/ok').set('Authorization', bearer),
      await request(server).get('/api/edge-test/ok'),
      await request(server).get('/api/nowhere').set('Authorization', bearer),
      await request(server).post('/api/edge-test/ok').set('Content-Type', 'text/plain').send('hello'),
      await request(server).post('/api/edge-test/ok').set('Content-Type', 'application/json').send('{"a":'),
      await request(server).post('/api/edge-test/ok').set('Content-Type', 'application/json').send(JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) })),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 415, 400, 413]);
    for (const answer of answers) expect(answer.headers['x-request-id']).toMatch(REQUEST_ID);
    for (const answer of answers.slice(1)) expect(answer.body.requestId).toBe(answer.headers['x-request-id']);

    const kept = await request(server).get('/api/edge-test/ok').set('Authorization', bearer).set('X-Request-Id', 'gateway-req-0001');
    expect(kept.headers['x-request-id']).toBe('gateway-req-0001');
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(101), '<script>alert(1)</script>']) {
      const replaced = await request(server).get('/api/edge-test/ok').set('Authorization', bearer).set('X-Request-Id', bad);
      expect(replaced.headers['x-request-id']).toMatch(REQUEST_ID);
    }
  });

  it('refuses a body that is not valid UTF-8, and two Authorization headers', async () => {
    const server = await start();
    const token = await tokenFor('ada');
    const whole = await request(server).post('/api/edge-test/echo').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"name":"Café ✓"}');
    expect(whole.body).toEqual({ body: { name: 'Café ✓' } });
    const broken = await request(server).post('/api/edge-test/echo').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json')
      // Sent as bytes: supertest would otherwise serialise the Buffer as JSON.
      .serialize((bytes: unknown) => bytes as string)
      .send(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) as unknown as string);
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'HTTP.MALFORMED_REQUEST', detail: 'The request body is not valid UTF-8.' });
    const twice = await request(server).get('/api/edge-test/ok').set('Authorization', [`Bearer ${token}`, 'Bearer garbage'] as unknown as string);
    expect(twice.status).toBe(401);
    expect(twice.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', reason: 'malformed' });
  });

  it('says nothing of internals in a 500, a library’s 5xx or an unreadable path', async () => {
    const server = await start();
    const bearer = `Bearer ${await tokenFor('ada')}`;
    const boom = await request(server).get('/api/edge-test/boom').set('Authorization', bearer);
    expect(boom.status).toBe(500);
    expect(boom.body).toMatchObject({ status: 500, code: 'INTERNAL', detail: 'Something went wrong on our side; it has been logged.', requestId: boom.headers['x-request-id'] });
    const upstream = await request(server).get('/api/edge-test/upstream').set('Authorization', bearer);
    expect(upstream.status).toBe(502);
    const badPath = await request(server).get('/api/edge-test/items/%E0%A4%A').set('Authorization', bearer);
    expect(badPath.status).toBe(400);
    expect(badPath.body).toMatchObject({ code: 'HTTP.MALFORMED_REQUEST' });
    for (const answer of [boom, upstream, badPath]) {
      expect(answer.text).not.toMatch(/ECONNREFUSED|10\.0\.0\.|node_modules|password|stack|at [A-Za-z]+ \(/);
    }
  });

  it('sends security headers and no X-Powered-By', async () => {
    const server = await start();
    const answer = await request(server).get('/api/edge-test/public');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed unless origins are listed, and then opens it to those only', async () => {
    let server = await start();
    const closed = await request(server).options('/api/edge-test/ok').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
    rmSync(dir, { recursive: true, force: true });

    server = await start(DEFAULT_RATE_LIMITS, ['https://app.leerzone.example']);
    const allowed = await request(server).options('/api/edge-test/ok').set('Origin', 'https://app.leerzone.example').set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.leerzone.example');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await request(server).get('/api/edge-test/public').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits each user and each tenant over all routes, with 429 problem details and Retry-After', async () => {
    const server = await start({ windowSeconds: 60, perUser: 5, perTenant: 8, perAddress: 100, devTokens: 100 });
    const ada = `Bearer ${await tokenFor('ada')}`;
    const bob = `Bearer ${await tokenFor('bob')}`;
    const eve = `Bearer ${await tokenFor('eve', 'globex')}`;
    const statuses = async (bearer: string, n: number, path = '/api/edge-test/ok') => {
      const out: number[] = [];
      for (let i = 0; i < n; i += 1) out.push((await request(server).get(path).set('Authorization', bearer)).status);
      return out;
    };
    // Ada's budget is shared by every route.
    expect([...(await statuses(ada, 3)), ...(await statuses(ada, 2, '/api/edge-test/items/x'))]).toEqual([200, 200, 200, 200, 200]);
    const limited = await request(server).get('/api/edge-test/items/y').set('Authorization', ada);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMIT.EXCEEDED', requestId: limited.headers['x-request-id'] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Bob has budget of his own, but the tenant's is spent after three more.
    expect(await statuses(bob, 4)).toEqual([200, 200, 200, 429]);
    // Another tenant is not affected.
    expect(await statuses(eve, 2)).toEqual([200, 200]);
  });

  it('limits public routes per address and route, and the development issuer more tightly', async () => {
    const server = await start({ windowSeconds: 60, perUser: 100, perTenant: 100, perAddress: 4, devTokens: 2 });
    const publicStatuses: number[] = [];
    for (let i = 0; i < 5; i += 1) publicStatuses.push((await request(server).get('/api/edge-test/public')).status);
    expect(publicStatuses).toEqual([200, 200, 200, 200, 429]);
    const minted: number[] = [];
    for (let i = 0; i < 3; i += 1) minted.push((await request(server).post('/api/auth/dev-token').send({ tenantId: 'acme', userId: `u${i}`, roles: ['member'] })).status);
    expect(minted).toEqual([200, 200, 429]);
  });

  it('counts callers behind a trusted proxy by the address the proxy saw', async () => {
    const server = await start({ windowSeconds: 60, perUser: 100, perTenant: 100, perAddress: 2, devTokens: 2, trustedProxies: ['127.0.0.1', '::1'] });
    const from = async (client: string) => (await request(server).get('/api/edge-test/public').set('X-Forwarded-For', client)).status;
    expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([200, 200, 429]);
    // Another client behind the same proxy has its own budget, even when it claims the first one's address further left.
    expect([await from('203.0.113.1, 203.0.113.2'), await from('203.0.113.2')]).toEqual([200, 200]);
  });

  it('ignores X-Forwarded-For when no proxy is trusted: a caller cannot pick a fresh address per request', async () => {
    const untrusted = await start({ windowSeconds: 60, perUser: 100, perTenant: 100, perAddress: 2, devTokens: 2 });
    const claimed = async (client: string) => (await request(untrusted).get('/api/edge-test/public').set('X-Forwarded-For', client)).status;
    expect([await claimed('198.51.100.1'), await claimed('198.51.100.2'), await claimed('198.51.100.3')]).toEqual([200, 200, 429]);
  });
});

describe('the development issuer over HTTP', () => {
  let app: INestApplication;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-dev-issuer-'));
    const module = {
      module: class DevIssuerRoot {},
      imports: [PlatformModule.forRoot({ auth: { devIssuer: { keyFile: join(dir, 'key.json') } }, eventStore: async () => new InMemoryEventStore(), projectionStore: async () => new InMemoryProjectionStore() }), EdgeTestModule],
    };
    app = await createHttpApp(module, { title: 'dev issuer test', description: 'dev issuer test', logger: false });
    await app.init();
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const mint = (body: unknown, headers: Record<string, string> = {}) => {
    const test = request(app.getHttpServer()).post('/api/auth/dev-token');
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return test.send(body as object);
  };

  it('issues a token to a caller on this machine that the API then accepts', async () => {
    const answer = await mint({ tenantId: 'acme', userId: 'ada', roles: ['coach'] });
    expect(answer.status).toBe(200);
    const ok = await request(app.getHttpServer()).get('/api/edge-test/ok').set('Authorization', `Bearer ${answer.body.access_token}`);
    expect(ok.status).toBe(200);
  });

  it('refuses a caller a proxy forwards, whatever address it claims', async () => {
    const forwarded: Array<Record<string, string>> = [{ 'X-Forwarded-For': '127.0.0.1' }, { Forwarded: 'for=127.0.0.1' }, { 'X-Real-IP': '::1' }];
    for (const header of forwarded) {
      const answer = await mint({ tenantId: 'acme', userId: 'ada', roles: ['admin'] }, header);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.DEV_ISSUER_LOCAL_ONLY' });
      expect(answer.body.access_token).toBeUndefined();
    }
  });

  it('refuses the platform’s tenants, naming the field', async () => {
    for (const tenantId of ['_platform', '_system', '  _platform']) {
      const answer = await mint({ tenantId, userId: 'ada', roles: ['auditor'] });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'AUTH.RESERVED_TENANT', field: 'tenantId' });
    }
  });
});
