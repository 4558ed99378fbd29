import Database from 'better-sqlite3';
import { join } from 'node:path';
import { devToken, StandaloneProcess } from './testing/standalone-process';
import { aggregateStreamId } from '@leerzone/kernel';

/**
 * The walking skeleton, against the built server as a separate process: HTTP → decider
 * → event appended → read model → HTTP, and the event readable with its envelope.
 */
describe('standalone walking skeleton', () => {
  let server: StandaloneProcess;
  let token: string;

  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token: bearer = token, headers, ...rest } = init;
    return fetch(`${server.url}${path}`, {
      ...rest,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(headers as Record<string, string>) },
    });
  };
  const eventCount = () => {
    const db = new Database(join(server.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await StandaloneProcess.create();
    await server.start();
    token = await devToken(server.url, 'acme', 'ada', ['coach']);
  });

  afterAll(async () => {
    await server.dispose();
  });

  it('creates a team and records the event with its full envelope', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const created = await call('/api/governance/teams', {
      method: 'POST',
      body: JSON.stringify({ name: 'Team Noord', purpose: 'Care at home, north side' }),
      headers: { 'x-correlation-id': 'corr-skeleton-1', 'x-reason': encodeURIComponent('Pilot team for self-steering'), traceparent },
    });
    expect(created.status).toBe(201);
    const { teamId } = (await created.json()) as { teamId: string };
    expect(created.headers.get('location')).toBe(`/api/governance/teams/${teamId}`);

    // The read model answers at once (the create waits for its projection).
    const team = await call(`/api/governance/teams/${teamId}`);
    expect(team.status).toBe(200);
    expect(await team.json()).toMatchObject({ teamId, name: 'Team Noord', phase: 'preparing', memberCount: 0, createdBy: 'ada' });

    // Full envelopes are for the audit trail's readers (auditor, admin).
    const response = await call(`/api/governance/teams/${teamId}/events`, { token: await devToken(server.url, 'acme', 'ida', ['auditor']) });
    expect(response.status).toBe(200);
    const { events } = (await response.json()) as { events: Array<Record<string, unknown>> };
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'TeamCreated',
      schemaVersion: 1,
      streamId: aggregateStreamId('team-', 'acme', teamId),
      streamPosition: 1,
      tenantId: 'acme',
      actor: { id: 'ada', kind: 'user' },
      reason: 'Pilot team for self-steering',
      correlationId: 'corr-skeleton-1',
      traceparent,
      data: { teamId, name: 'Team Noord', purpose: 'Care at home, north side', createdBy: 'ada' },
    });
    expect(events[0]!['eventId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(events[0]!['hash']).toMatch(/^[0-9a-f]{64}$/);
    // The request that caused the event is its causation.
    expect(events[0]!['causationId']).toBe(created.headers.get('x-request-id'));
  });

  it('rejects bad input with 400 problem details naming the field, and writes no event', async () => {
    const before = eventCount();
    const response = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: '', colour: 'red' }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', field: 'name', title: 'Bad Request' });
    expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    const malformed = await call('/api/governance/teams', { method: 'POST', body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('HTTP.MALFORMED_REQUEST');
    expect(eventCount()).toBe(before);
  });

  it('refuses calls without a valid token, and hides other tenants’ teams', async () => {
    const anonymous = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: 'X' }), token: null });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
    const forged = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: 'X' }), token: `${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);

    const created = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: 'Team Zuid' }) });
    const { teamId } = (await created.json()) as { teamId: string };
    const otherTenant = await devToken(server.url, 'globex', 'bob', ['auditor']);
    for (const path of [`/api/governance/teams/${teamId}/events`, `/api/governance/teams/${teamId}`]) {
      const response = await call(path, { token: otherTenant });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('TEAM.NOT_FOUND');
    }
    const unknown = await call('/api/governance/teams/00000000-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const badId = await call('/api/governance/teams/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { field: string }).field).toBe('teamId');
  });

  it('keeps everything across a crash and rebuilds the read model at start', async () => {
    const created = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: 'Team Oost' }) });
    const { teamId } = (await created.json()) as { teamId: string };
    await server.stop('SIGKILL');
    await server.start();
    token = await devToken(server.url, 'acme', 'ada', ['coach']);
    let ready: Response;
    const deadline = Date.now() + 10_000;
    do ready = await call('/health/ready', { token: null });
    while (ready.status !== 200 && Date.now() < deadline && (await new Promise((r) => setTimeout(r, 50))) === undefined);
    expect(ready.status).toBe(200);
    const team = await call(`/api/governance/teams/${teamId}`);
    expect(team.status).toBe(200);
    expect(await team.json()).toMatchObject({ name: 'Team Oost' });
  });

  it('feeds analytics from governance over the in-process bus, also after a crash', async () => {
    const created = await call('/api/governance/teams', { method: 'POST', body: JSON.stringify({ name: 'Team Analytics' }) });
    const { teamId } = (await created.json()) as { teamId: string };
    await call(`/api/governance/teams/${teamId}/members`, { method: 'POST', body: JSON.stringify({ memberId: 'mia', roles: ['member'] }) });
    const analyst = await devToken(server.url, 'acme', 'ana', ['analyst']);
    const overview = async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const response = await call('/api/analytics/teams?limit=500', { token: analyst });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { items: Array<{ teamId: string; memberCount: number }> };
        const team = body.items.find((t) => t.teamId === teamId);
        if (team?.memberCount === 1 || Date.now() > deadline) return team;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    expect(await overview()).toMatchObject({ teamId, name: 'Team Analytics', phase: 'preparing', memberCount: 1 });

    await server.stop('SIGKILL');
    await server.start();
    token = await devToken(server.url, 'acme', 'ada', ['coach']);
    expect(await overview()).toMatchObject({ teamId, memberCount: 1 });
    expect((await call('/api/analytics/teams', { token })).status).toBe(403);
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await call('/health/live', { token: null })).status).toBe(200);
    expect((await call('/health/ready', { token: null })).status).toBe(200);
    const doc = (await (await call('/docs-json', { token: null })).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/governance/teams', '/api/analytics/teams', '/api/auth/dev-token', '/health/ready']));
  });
});
