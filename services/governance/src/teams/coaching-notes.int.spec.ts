import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { coachingNotesSubject } from '@leerzone/governance-domain';
import type { StoredEvent } from '@leerzone/kernel';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';
import { COACHING_PROJECTION, storedNotes } from './read-model/coaching.projection';

/**
 * Issue 16: a coaching session's notes are free text about named people. The service checks
 * them, seals them under the session's own vault subject and only then hands them to the
 * domain, so the store file, the published event and the read model hold ciphertext; the
 * query opens them for the session's coach and attendees and for tenant-wide roles; once the
 * subject is erased they read `$erased` while the store and its hash chains stay as they were.
 * (The same over the real Kafka topic and MongoDB: services/cli/src/personal-data/erasure.int.spec.ts.)
 */
describe('governance: coaching notes sealed with the personal-data vault', () => {
  const marker = `marker-${randomUUID()}`;
  const notes = `Anna (${marker}) struggled with the budget; Bram helped her.`;
  const published: StoredEvent[] = [];
  let t: ServiceTestApp;
  let cora: Caller;
  let anna: Caller;
  let carl: Caller;
  let tess: Caller;
  let teamId: string;
  const base = () => `/api/governance/teams/${teamId}`;
  const allEvents = async () => {
    return t.store.readAll();
  };

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    await t.bus.subscribe({ group: 'test-coaching-watch', sources: ['governance'], handle: (deliveries) => void published.push(...deliveries.map((d) => d.event)) });
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    carl = await t.as('carl', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    const created = await cora.post('/api/governance/teams', { name: 'Wijkteam Zuid', reason: 'pilot' });
    expectStatus(created, 201);
    teamId = created.body.teamId;
    for (const [memberId, roles] of [
      ['cora', ['coach']],
      ['anna', ['member']],
      ['bram', ['member']],
      ['carl', ['member']],
    ] as const) {
      expectStatus(await cora.post(`${base()}/members`, { memberId, roles }), 201);
    }
    expectStatus(await cora.post(`${base()}/coaching/topics`, { topic: 'budgeting' }), 201);
  });
  afterAll(async () => t.close());

  it('checks the notes before sealing them: too long is 400 on notes, nothing written', async () => {
    const head = await t.head();
    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    const tooLong = await cora.post(`${base()}/coaching/sessions`, { topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['anna'], notes: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'notes' })]);
    expect(await t.head()).toBe(head);
  });

  it('records a session whose notes only its parties and tenant-wide roles read', async () => {
    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    expectStatus(await cora.post(`${base()}/coaching/sessions`, { sessionId: 's-1', topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes }), 201);
    for (const caller of [cora, anna, tess]) {
      const coaching = await caller.get(`${base()}/coaching`);
      expectStatus(coaching, 200);
      expect(coaching.body.sessions).toEqual([expect.objectContaining({ sessionId: 's-1', notes })]);
    }
    const withheld = await carl.get(`${base()}/coaching`);
    expect(withheld.body.sessions).toEqual([expect.objectContaining({ sessionId: 's-1', notes: { $withheld: expect.any(Object) } })]);
    expect(JSON.stringify(withheld.body)).not.toContain(marker);
  });

  it('holds only ciphertext in the store file, on the bus and in the read model', async () => {
    const session = (await allEvents()).find((e) => e.type === 'CoachingSessionHeld');
    expect(session).toMatchObject({ schemaVersion: 2, data: { notes: { $sealed: { subject: coachingNotesSubject('acme', teamId, 's-1'), alg: 'A256GCM' } } } });
    const files = readdirSync(t.dir).filter((name) => name.startsWith('events.db'));
    expect(files).toContain('events.db');
    for (const name of files) expect(readFileSync(join(t.dir, name)).includes(Buffer.from(marker))).toBe(false);

    const deadline = Date.now() + 10_000;
    while (!published.some((e) => e.type === 'CoachingSessionHeld') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    expect(published.find((e) => e.type === 'CoachingSessionHeld')?.data).toMatchObject({ notes: { $sealed: expect.any(Object) } });
    expect(JSON.stringify(published)).not.toContain(marker);

    const documents = await t.app.get(ProjectionsHost).readModels.collection(COACHING_PROJECTION, 'sessions').find({});
    expect(documents.items).toEqual([expect.objectContaining({ sessionId: 's-1', notes: expect.stringContaining('$sealed') })]);
    expect(JSON.stringify(documents.items)).not.toContain(marker);
    // A version 1 event read without governance's upcasters still holds clear text: the projection keeps none of it.
    expect(storedNotes(notes)).toBeNull();
  });

  it('reads the notes as erased once their subject is erased; the store and its hash chains stay intact', async () => {
    const before = await allEvents();
    await t.vault.erase(coachingNotesSubject('acme', teamId, 's-1'));
    for (const caller of [cora, anna, tess]) {
      const coaching = await caller.get(`${base()}/coaching`);
      expect(coaching.body.sessions).toEqual([expect.objectContaining({ sessionId: 's-1', notes: { $erased: { subject: coachingNotesSubject('acme', teamId, 's-1') } } })]);
    }
    expect(await allEvents()).toEqual(before);
    expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
    // The session id stays taken: it is not recorded again under a fresh key.
    const heldAt = new Date(Date.now() - 1_800_000).toISOString();
    const again = await cora.post(`${base()}/coaching/sessions`, { sessionId: 's-1', topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['anna'], notes: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COACHING.SESSION_ALREADY_RECORDED');
  });
});
