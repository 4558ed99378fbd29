import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { GOVERNANCE_PROJECTIONS, governanceService } from '@leerzone/governance-service';
import type { ProjectionDefinition } from '@leerzone/projections';
import { rebuildProjection } from '@leerzone/projections';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { deleteNamespaceTopics, TopicRecorder, testBusOptions, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { MongoProjectionStore } from '@leerzone/projection-store-mongodb';
import { expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { MongoClient } from 'mongodb';
import { cliForTest } from '../testing/stack-for-test';
import { erasureStreamId, PERSONAL_DATA_ERASED } from './erasure-record';

const eventually = async (check: () => void | Promise<void>, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
};

/**
 * Issue 16's proof for coaching notes, over the real servers: a marker in a session's notes is
 * found in none of the SQLite store's files, none of the messages on the governance topic of
 * the real Kafka broker and none of the documents of the MongoDB-wire read model. The operator
 * CLI's `subject-access` gives anna her events with the notes opened; `erase person anna`
 * destroys the notes' key; then the query shows them erased, the subject-access export too,
 * the store is unchanged and `audit verify` intact, and a read model rebuilt from the store holds no clear text.
 */
describeWithServer('kafka', 'personal data: sealed everywhere, erased by the CLI', (kafka) => {
  describeWithServer('mongo', 'over Kafka and MongoDB', (mongo) => {
    const marker = `marker-${randomUUID()}`;
    const notes = `Anna (${marker}) struggled with the budget; Bram helped her.`;
    const namespace = uniqueNamespace('erasure');
    const database = `lz_erasure_${Date.now().toString(36)}`;
    let t: ServiceTestApp;
    let recorder: TopicRecorder;
    let bus: KafkaEventBus;
    let cora: Caller;
    let anna: Caller;
    let teamId: string;
    const base = () => `/api/governance/teams/${teamId}`;
    const cli = (argv: string[]) => cliForTest(argv, {});
    const where = () => ['--tenant', 'acme', '--store', `sqlite:${join(t.dir, 'events.db')}`, '--vault', join(t.dir, 'personal-data-vault.db')];
    const readModelDocuments = async () => {
      const client = await MongoClient.connect(await mongo());
      try {
        const db = client.db(database);
        const collections = await db.listCollections().toArray();
        return (await Promise.all(collections.map((c) => db.collection(c.name).find({}).toArray()))).flat();
      } finally {
        await client.close();
      }
    };

    beforeAll(async () => {
      const brokers = await kafka();
      t = await startServiceTestApp([governanceService], {
        messagingEnv: { KAFKA_BROKERS: brokers, KAFKA_NAMESPACE: namespace, KAFKA_TOPIC_PARTITIONS: '1' },
        projectionStore: async () => MongoProjectionStore.connect({ url: await mongo(), database }),
      });
      bus = new KafkaEventBus(testBusOptions(brokers, namespace));
      cora = await t.as('cora', ['coach']);
      anna = await t.as('anna', ['member']);
      const created = await cora.post('/api/governance/teams', { name: 'Wijkteam Zuid', reason: 'pilot' });
      expectStatus(created, 201);
      teamId = created.body.teamId;
      for (const [memberId, roles] of [
        ['cora', ['coach']],
        ['anna', ['member']],
        ['bram', ['member']],
      ] as const) {
        expectStatus(await cora.post(`${base()}/members`, { memberId, roles }), 201);
      }
      expectStatus(await cora.post(`${base()}/coaching/topics`, { topic: 'budgeting' }), 201);
      const heldAt = new Date(Date.now() - 3_600_000).toISOString();
      expectStatus(await cora.post(`${base()}/coaching/sessions`, { sessionId: 's-1', topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes }), 201);
      // A session bram attended without anna: erasing anna leaves its notes readable.
      expectStatus(await cora.post(`${base()}/coaching/sessions`, { sessionId: 's-2', topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['bram'], notes: 'Bram on his own' }), 201);
      await bus.ensureTopics(['governance']);
      recorder = await new TopicRecorder(bus.kafka, bus.topicOf('governance')).start();
    }, 120_000);

    afterAll(async () => {
      await recorder?.stop();
      await bus?.close();
      await t?.close();
      const client = await MongoClient.connect(await mongo());
      await client.db(database).dropDatabase().catch(() => undefined);
      await client.close();
      await deleteNamespaceTopics(await kafka(), namespace).catch(() => undefined);
    });

    it('finds the marker in no file of the SQLite store', () => {
      const files = readdirSync(t.dir).filter((name) => name.startsWith('events.db'));
      expect(files).toContain('events.db');
      const hits = files.filter((name) => readFileSync(join(t.dir, name)).includes(Buffer.from(marker)));
      expect(hits).toEqual([]);
    });

    it('finds the marker in no message on the real Kafka topic, which carries the sealed notes', async () => {
      // CloudEvents binary mode: the type in a header, the event's data as the value.
      const sessions = () => recorder.messages.filter((m) => m.headers['ce_type'] === 'CoachingSessionHeld');
      await eventually(() => expect(sessions()).toHaveLength(2));
      expect(sessions().map((m) => JSON.parse(m.value!).notes)).toEqual([{ $sealed: expect.objectContaining({ alg: 'A256GCM' }) }, { $sealed: expect.objectContaining({ alg: 'A256GCM' }) }]);
      expect(recorder.messages.filter((m) => `${m.key}${m.value}${JSON.stringify(m.headers)}`.includes(marker))).toEqual([]);
    });

    it('finds the marker in no document of the MongoDB read model, which holds the sealed notes', async () => {
      await eventually(async () => expect((await readModelDocuments()).filter((d) => d['sessionId'] === 's-1')).toHaveLength(1));
      const documents = await readModelDocuments();
      expect(documents.find((d) => d['sessionId'] === 's-1')!['notes']).toContain('$sealed');
      expect(documents.filter((d) => JSON.stringify(d).includes(marker))).toEqual([]);
    });

    it('gives anna, through subject-access, her events with the notes opened', async () => {
      const run = await cli(['subject-access', 'anna', ...where()]);
      expect(run.code).toBe(0);
      const exported = JSON.parse(run.out);
      expect(exported).toMatchObject({ personId: 'anna', tenantId: 'acme', subjects: [expect.objectContaining({ subject: expect.stringContaining('/s-1'), erased: false })] });
      expect(exported.events.map((e: { type: string }) => e.type)).toEqual(['MemberAdded', 'CoachingSessionHeld']);
      expect(exported.events[1].data.notes).toBe(notes);
      // Bram's own session is not in anna's export, and neither are its notes.
      expect(run.out).not.toContain('Bram on his own');
    });

    it('erases anna with the CLI: the query, the export and a rebuilt read model show it erased; the events are untouched, the erasure recorded and audit verify intact', async () => {
      const before = await t.store.readAll({ limit: 10_000 });
      const usage = await cli(['erase', 'person', 'anna', '--by', 'oscar', '--reason', 'GDPR request 4711', '--store', `sqlite:${join(t.dir, 'events.db')}`, '--vault', join(t.dir, 'personal-data-vault.db')]);
      expect(usage.code).toBe(2);
      expect(usage.err).toContain('--tenant');
      // Who erases and why are part of the record: without them nothing is erased.
      for (const missing of [['--reason', 'GDPR request 4711'], ['--by', 'oscar']]) {
        const refused = await cli(['erase', 'person', 'anna', ...where(), ...missing]);
        expect(refused.code).toBe(2);
        expect(refused.err).toMatch(/--(by|reason) is required/);
      }
      expect(await t.store.readAll({ limit: 10_000 })).toEqual(before);

      const erased = await cli(['erase', 'person', 'anna', ...where(), '--by', 'oscar', '--reason', 'GDPR request 4711']);
      expect(erased.code).toBe(0);
      expect(erased.out).toContain('Erased 1 vault subject');
      expect(erased.out).toContain(`Recorded ${PERSONAL_DATA_ERASED} in ${erasureStreamId('acme')}`);
      expect(erased.out).not.toContain(marker);

      const coaching = await cora.get(`${base()}/coaching`);
      expect(coaching.body.sessions).toEqual([
        expect.objectContaining({ sessionId: 's-1', notes: { $erased: expect.any(Object) } }),
        expect.objectContaining({ sessionId: 's-2', notes: 'Bram on his own' }),
      ]);
      expect((await anna.get(`${base()}/coaching`)).body.sessions[0].notes).toEqual({ $erased: expect.any(Object) });

      const exported = JSON.parse((await cli(['subject-access', 'anna', ...where()])).out);
      expect(exported.subjects).toEqual([expect.objectContaining({ erased: true })]);
      expect(exported.events[1].data.notes).toEqual({ $erased: expect.any(Object) });
      // The erasure itself is in anna's export: who, which subject, when, why — never the notes.
      expect(exported.events.map((e: { type: string }) => e.type)).toEqual(['MemberAdded', 'CoachingSessionHeld', PERSONAL_DATA_ERASED]);

      // Every event before is as it was; one event was added: the record, in the tenant's erasure stream.
      const after = await t.store.readAll({ limit: 10_000 });
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toEqual([
        expect.objectContaining({
          streamId: erasureStreamId('acme'),
          type: PERSONAL_DATA_ERASED,
          tenantId: 'acme',
          actor: { id: 'oscar', kind: 'user' },
          reason: 'GDPR request 4711',
          data: expect.objectContaining({ personId: 'anna', subjects: exported.subjects.map((s: { subject: string }) => s.subject), alreadyErased: [], erasedBy: 'oscar' }),
        }),
      ]);
      expect(JSON.stringify(after.slice(before.length))).not.toContain(marker);
      expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
      // The record is in no service's stream prefix, so the relay never publishes it: an event
      // recorded after it arrives on the topic (the relay publishes in store order), the record does not.
      expectStatus(await cora.post(`${base()}/coaching/topics`, { topic: 'planning' }), 201);
      await eventually(() => expect(recorder.messages.filter((m) => m.headers['ce_type'] === 'CoachingTopicPlanned')).toHaveLength(2));
      expect(recorder.messages.filter((m) => m.headers['ce_type'] === PERSONAL_DATA_ERASED)).toEqual([]);
      // Kafka re-read: the messages are what they were, ciphertext only.
      expect(recorder.messages.filter((m) => `${m.value}`.includes(marker))).toEqual([]);
      // A read model rebuilt from the store, on a fresh database: ciphertext only.
      const fresh = await MongoProjectionStore.connect({ url: await mongo(), database: `${database}_rebuilt` });
      try {
        const coachingProjection = (GOVERNANCE_PROJECTIONS as readonly ProjectionDefinition[]).find((p) => p.name === 'governance.coaching')!;
        await rebuildProjection({ eventStore: t.store, store: fresh, projection: coachingProjection, batchSize: 500 });
        const client = await MongoClient.connect(await mongo());
        try {
          const db = client.db(`${database}_rebuilt`);
          const docs = (await Promise.all((await db.listCollections().toArray()).map((c) => db.collection(c.name).find({}).toArray()))).flat();
          expect(docs.filter((d) => d['sessionId'] === 's-1')).toEqual([expect.objectContaining({ notes: expect.stringContaining('$sealed') })]);
          expect(docs.filter((d) => JSON.stringify(d).includes(marker))).toEqual([]);
          await db.dropDatabase();
        } finally {
          await client.close();
        }
      } finally {
        await fresh.close();
      }
      // Erasing again is idempotent and says so.
      const again = await cli(['erase', 'person', 'anna', ...where(), '--by', 'oscar', '--reason', 'GDPR request 4711, again']);
      expect(again.out).toContain('already erased before');
      const records = (await t.store.readStream(erasureStreamId('acme'))).map((e) => e.data as { alreadyErased: string[] });
      expect(records.map((r) => r.alreadyErased.length)).toEqual([0, 1]);
      expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
    });
  });
});
