import { startAuditTestApp, type AuditTestApp } from '../testing/audit-test-app';

describe('audit API', () => {
  let t: AuditTestApp;
  let auditor: string;
  let ada: string;

  const call = async (path: string, token: string | null, init: RequestInit = {}) => {
    const response = await fetch(`${t.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const command = (path: string, body: unknown, headers: Record<string, string> = {}, token = ada) => call(path, token, { method: 'POST', body: JSON.stringify(body), headers });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 15));

  beforeAll(async () => {
    t = await startAuditTestApp();
    auditor = await t.token('acme', 'olga', ['auditor']);
    ada = await t.token('acme', 'ada', ['coach']);
  });
  afterAll(() => t.close());

  it('lets only auditors and admins read, and refuses anyone without a token', async () => {
    expect((await call('/api/audit/actors/ada/events', null)).status).toBe(401);
    const member = await call('/api/audit/actors/ada/events', ada);
    expect(member.status).toBe(403);
    expect(member.body['code']).toBe('AUTH.FORBIDDEN');
    expect((await call('/api/audit/actors/ada/events', await t.token('acme', 'root', ['admin']))).status).toBe(200);
  });

  it('shows the history of an aggregate with type, data, actor, reason, times, correlation and causation', async () => {
    await command('/test/teams/noord', { type: 'CreateTeam', name: 'Noord' }, { 'x-reason': encodeURIComponent('Pilot for self-steering'), 'x-correlation-id': 'req-history' });
    await command('/test/teams/noord', { type: 'RenameTeam', name: 'Noord-Oost' });
    const { status, body } = await call('/api/audit/streams/team-noord/events', auditor);
    expect(status).toBe(200);
    expect(body).toMatchObject({ streamId: 'team-noord', aggregate: 'test.team', confidential: false });
    expect(body['events']).toHaveLength(2);
    expect(body['events'][0]).toMatchObject({
      type: 'TeamCreated',
      data: { name: 'Noord' },
      actor: { id: 'ada', kind: 'user' },
      reason: 'Pilot for self-steering',
      correlationId: 'req-history',
      streamPosition: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const field of ['occurredAt', 'recordedAt', 'causationId', 'eventId']) expect(typeof body['events'][0][field]).toBe('string');
    const paged = await call('/api/audit/streams/team-noord/events?limit=1', auditor);
    expect(paged.body['events'].map((e: { type: string }) => e.type)).toEqual(['TeamCreated']);
    expect(paged.body['nextFromPosition']).toBe(2);
  });

  it('lists what one actor did in a period, and what followed from one request across aggregates', async () => {
    const bob = await t.token('acme', 'bob', ['coach']);
    await command('/test/teams/zuid', { type: 'CreateTeam', name: 'Zuid' }, {}, bob);
    await tick();
    const from = new Date().toISOString();
    await tick();
    await command('/test/teams/zuid', { type: 'RenameTeam', name: 'Zuid-West' }, { 'x-correlation-id': 'req-42' }, bob);
    // A second step of the same request, as a consumer in another service would record it.
    await command('/test/teams/west', { type: 'CreateTeam', name: 'West' }, { 'x-correlation-id': 'req-42' });
    await tick();
    const to = new Date().toISOString();
    await command('/test/teams/zuid', { type: 'RenameTeam', name: 'Zuid' }, {}, bob);

    const period = await call(`/api/audit/actors/bob/events?from=${from}&to=${to}`, auditor);
    expect(period.status).toBe(200);
    expect(period.body['items'].map((e: { type: string; data: { name: string } }) => `${e.type}:${e.data.name}`)).toEqual(['TeamRenamed:Zuid-West']);
    const all = await call('/api/audit/actors/bob/events?limit=2', auditor);
    expect(all.body['items']).toHaveLength(2);
    const rest = await call(`/api/audit/actors/bob/events?limit=2&after=${encodeURIComponent(all.body['next'])}`, auditor);
    expect(rest.body['items'].map((e: { data: { name: string } }) => e.data.name)).toEqual(['Zuid']);

    const request = await call('/api/audit/correlations/req-42/events', auditor);
    expect(request.body['items'].map((e: { streamId: string; actor: { id: string } }) => `${e.streamId}@${e.actor.id}`)).toEqual(['team-zuid@bob', 'team-west@ada']);
  });

  it('answers the state as of a timestamp and the diff between two', async () => {
    await command('/test/teams/oost', { type: 'CreateTeam', name: 'Oost' });
    await tick();
    const between = new Date().toISOString();
    await tick();
    await command('/test/teams/oost', { type: 'RenameTeam', name: 'Oost-Midden' });
    await tick();
    const after = new Date().toISOString();

    const then = await call(`/api/audit/streams/team-oost/state?at=${between}`, auditor);
    expect(then.body).toMatchObject({ version: 1, timeline: 'recorded', state: { exists: true, name: 'Oost', formerNames: [] }, lastEvent: { type: 'TeamCreated' } });
    const before = await call(`/api/audit/streams/team-oost/state?at=2000-01-01T00:00:00Z`, auditor);
    expect(before.body).toMatchObject({ version: 0, state: { exists: false } });

    const diff = await call(`/api/audit/streams/team-oost/diff?from=${between}&to=${after}`, auditor);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect(diff.body['changes']).toEqual([
      { path: '/formerNames/0', kind: 'added', after: 'Oost' },
      { path: '/name', kind: 'changed', before: 'Oost', after: 'Oost-Midden' },
    ]);
    expect(diff.body['events'].map((e: { type: string }) => e.type)).toEqual(['TeamRenamed']);
  });

  it('keeps tenants apart: another tenant’s auditor sees nothing of this one', async () => {
    await command('/test/teams/isolated', { type: 'CreateTeam', name: 'Secret' }, { 'x-correlation-id': 'req-isolated' });
    const globex = await t.token('globex', 'gerda', ['auditor', 'admin']);
    const history = await call('/api/audit/streams/team-isolated/events', globex);
    expect(history.status).toBe(404);
    expect(history.body['code']).toBe('AUDIT.STREAM_NOT_FOUND');
    expect((await call(`/api/audit/streams/team-isolated/state?at=${new Date().toISOString()}`, globex)).status).toBe(404);
    expect((await call('/api/audit/actors/ada/events', globex)).body['items']).toEqual([]);
    expect((await call('/api/audit/correlations/req-isolated/events', globex)).body['items']).toEqual([]);
    expect((await call('/api/audit/correlations/req-isolated/events', auditor)).body['items']).toHaveLength(1);
  });

  it('records reads of confidential streams as AuditRecordRead events, and not reads of others', async () => {
    await command('/test/cases/c1', { note: 'Conflict between Ada and Bob' }, { 'x-correlation-id': 'req-case' });
    const readsBefore = (await call('/api/audit/streams/audit-reads-acme/events', auditor)).body['events']?.length ?? 0;
    await call('/api/audit/streams/team-noord/events', auditor);
    const read = await call('/api/audit/streams/case-c1/events', auditor, { headers: { 'x-reason': encodeURIComponent('Complaint 2026-17') } });
    expect(read.body).toMatchObject({ confidential: true, events: [{ data: { note: 'Conflict between Ada and Bob' } }] });
    await call('/api/audit/correlations/req-case/events', auditor);

    const reads = (await call('/api/audit/streams/audit-reads-acme/events', auditor)).body['events'];
    expect(reads.slice(readsBefore).map((e: { type: string; actor: { id: string }; reason?: string; data: Record<string, unknown> }) => [e.type, e.actor.id, e.reason, e.data['query'], e.data['streamIds']])).toEqual([
      ['AuditRecordRead', 'olga', 'Complaint 2026-17', 'history', ['case-c1']],
      ['AuditRecordRead', 'olga', undefined, 'correlation', ['case-c1']],
    ]);
    expect(reads[readsBefore].data).toMatchObject({ readBy: 'olga', readAt: expect.any(String), parameters: { streamId: 'case-c1' } });
  });

  it('rejects bad input with problem details naming the field, and explains streams without a state model', async () => {
    const bad = await call('/api/audit/streams/team-noord/state?at=yesterday', auditor);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION.FAILED', field: 'at' });
    const backwards = await call('/api/audit/streams/team-noord/diff?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', auditor);
    expect(backwards.body).toMatchObject({ status: 400, code: 'AUDIT.INVALID_RANGE', field: 'from' });
    const noModel = await call(`/api/audit/streams/audit-reads-acme/state?at=${new Date().toISOString()}`, auditor);
    expect(noModel.body).toMatchObject({ status: 422, code: 'AUDIT.NO_STATE_MODEL' });
    expect((await call('/api/audit/streams/-bad-/events', auditor)).body).toMatchObject({ status: 400, field: 'streamId' });
  });

  it('publishes the checkpoint public key', async () => {
    const { body } = await call('/api/audit/integrity/public-key', auditor);
    expect(body).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{16}$/), publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
  });
});
