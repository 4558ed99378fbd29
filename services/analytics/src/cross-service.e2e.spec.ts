import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { MongoProjectionStore } from '@leerzone/projection-store-mongodb';
import { readModelChecksum, rebuildProjection, type ReadModelChecksum } from '@leerzone/projections';
import { describeWithServer } from '@leerzone/test-servers';
import { teamOverviewProjection } from './teams/read-model/team-overview.projection';
import { ServiceProcess, devToken, serviceMain } from '@leerzone/service-kit/testing';

const SERVICES = resolve(__dirname, '../..');

interface TeamsAnswer {
  items: Array<{ teamId: string; name: string; phase: string; memberCount: number; decisionsRecorded: number; decisionsEscalated: number }>;
  summary: { teams: number; members: number; decisionsRecorded: number; decisionsEscalated: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 3's end-to-end proof: governance and analytics as separate OS processes (the built
 * `dist/main.js` of each, configured only by environment) over the real Kafka broker, with
 * analytics' read model in MongoDB (FerretDB here) and governance's events in SQLite.
 */
describeWithServer('kafka', 'governance and analytics as separate processes over Kafka', (kafka) => {
  describeWithServer('mongo', 'analytics keeps its read model in MongoDB', (mongo) => {
    let dir: string;
    let namespace: string;
    let governance: ServiceProcess;
    let analytics: ServiceProcess;
    let readModel: MongoProjectionStore;
    let lead: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'leerzone-cross-service-'));
      namespace = uniqueNamespace('e2e');
      const database = `lz_e2e_${namespace}`;
      const mongoUrl = new URL(await mongo());
      mongoUrl.pathname = `/${database}`;
      const common = {
        KAFKA_BROKERS: await kafka(),
        KAFKA_NAMESPACE: namespace,
        // Several partitions, so events of different teams interleave as in production.
        KAFKA_TOPIC_PARTITIONS: '4',
        // The broker's minimum: a member killed with -9 gives up its partitions after 6 s.
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        AUTH_DEV_ISSUER: 'true',
        // Both processes accept the same development tokens.
        AUTH_DEV_KEY_FILE: join(dir, 'dev-signing-key.json'),
        OTEL_SDK_DISABLED: 'true',
      };
      governance = new ServiceProcess('governance', serviceMain(SERVICES, 'governance'), { ...common, DATA_DIR: join(dir, 'governance') });
      analytics = new ServiceProcess('analytics', serviceMain(SERVICES, 'analytics'), { ...common, DATA_DIR: join(dir, 'analytics'), PROJECTION_STORE_URL: mongoUrl.toString() });
      // Governance first: it creates the shared key file the other then reads.
      await governance.start();
      await analytics.start();
      readModel = await MongoProjectionStore.connect({ url: await mongo(), database });
      lead = await devToken(governance.url, 'acme', 'tess', ['transformation-lead']);
    });

    afterAll(async () => {
      await Promise.all([governance?.stop(), analytics?.stop()]);
      await readModel?.dropDatabase().catch(() => undefined);
      await readModel?.close();
      if (namespace) await deleteNamespaceTopics(await kafka(), namespace);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const call = async <T = Record<string, unknown>>(service: ServiceProcess, method: string, path: string, token: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${service.name} ${method} ${path} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : {}) as T;
    };
    const teamsInAnalytics = () => call<TeamsAnswer>(analytics, 'GET', '/api/analytics/teams?limit=500', lead);

    /** Polls analytics over HTTP until `done` holds (it is fed asynchronously over Kafka). */
    const analyticsShows = async (done: (answer: TeamsAnswer) => boolean, timeoutMs = 60_000): Promise<TeamsAnswer> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const answer = await teamsInAnalytics();
        if (done(answer) || Date.now() > deadline) return answer;
        await sleep(100);
      }
    };

    it('a team created over HTTP in governance appears in analytics’ read model, served over HTTP', async () => {
      const { teamId } = await call<{ teamId: string }>(governance, 'POST', '/api/governance/teams', lead, { name: 'Team Noord' });
      await call(governance, 'POST', `/api/governance/teams/${teamId}/members`, lead, { memberId: 'mia', roles: ['member'] });
      const answer = await analyticsShows((a) => a.items.some((t) => t.teamId === teamId && t.memberCount === 1));
      expect(answer.items.find((t) => t.teamId === teamId)).toMatchObject({ teamId, name: 'Team Noord', phase: 'preparing', memberCount: 1, decisionsRecorded: 0 });
      // Another tenant's analyst sees none of it.
      const other = await devToken(governance.url, 'globex', 'gus', ['analyst']);
      expect((await call<TeamsAnswer>(analytics, 'GET', '/api/analytics/teams', other)).items).toEqual([]);
    });

    it('kill -9 analytics mid-stream while commands keep coming: after a restart its read model equals one rebuilt from scratch', async () => {
      const TEAMS = 30;
      // The commands wait here until analytics has been killed, so the kill always falls mid-stream,
      // however fast or slow this machine is.
      const GATE = 20;
      let killed!: () => void;
      const afterKill = new Promise<void>((resolve) => (killed = resolve));
      let teamsCreated = 0;
      const tally = { members: 0, recorded: 0, escalated: 0 };

      // Governance keeps taking commands the whole time: create, members, phase, decisions (some
      // escalated), some members removed and teams renamed.
      const commands = (async () => {
        for (let i = 0; i < TEAMS; i++) {
          if (i === GATE) await afterKill;
          const { teamId } = await call<{ teamId: string }>(governance, 'POST', '/api/governance/teams', lead, { name: `Wave team ${String(i).padStart(2, '0')}` });
          teamsCreated++;
          const team = `/api/governance/teams/${teamId}`;
          for (const memberId of [`mia-${i}`, `max-${i}`]) await call(governance, 'POST', `${team}/members`, lead, { memberId, roles: ['member'] });
          tally.members += 2;
          await call(governance, 'PUT', `${team}/phase`, lead, { phase: 'pilot' });
          const member = await devToken(governance.url, 'acme', `mia-${i}`, ['member']);
          const decision = { area: 'tooling', title: `Tooling choice ${i}`, rationale: 'The team compared options.', optionsConsidered: ['keep', 'switch'] };
          await call(governance, 'POST', `${team}/decisions`, member, { ...decision, actedUnderLevel: 1 });
          tally.recorded++;
          if (i % 3 === 0) {
            await call(governance, 'POST', `${team}/decisions`, member, { ...decision, actedUnderLevel: 7, onOutsideMandate: 'escalate' });
            tally.escalated++;
          }
          if (i % 4 === 0) {
            await call(governance, 'DELETE', `${team}/members/max-${i}`, lead);
            tally.members--;
            await call(governance, 'PATCH', team, lead, { name: `Wave team ${String(i).padStart(2, '0')} (renamed)` });
          }
        }
      })();
      let commandsDone = false;
      void commands.finally(() => (commandsDone = true)).catch(() => undefined);

      // Kill analytics once it has applied some of the stream, but while events keep coming.
      const before = await analyticsShows((a) => a.summary.teams >= 6 || teamsCreated >= GATE);
      const generation = (await readModelChecksum(readModel, teamOverviewProjection)).generation;
      await analytics.kill9();
      killed();
      const seenAtKill = before.summary.teams;
      expect(teamsCreated).toBeLessThan(TEAMS);

      // Commands go on while analytics is down; then it comes back on the same data and group.
      const resumeAt = teamsCreated + 5;
      while (teamsCreated < resumeAt && !commandsDone) await sleep(50);
      await analytics.start();
      await commands;
      expect(seenAtKill).toBeGreaterThan(0);

      // The reference: the same projection rebuilt from scratch out of governance's own store.
      const store = new SqliteEventStore({ filename: join(dir, 'governance', 'events.db') });
      let expected: ReadModelChecksum;
      try {
        const fresh = new InMemoryProjectionStore();
        await rebuildProjection({ eventStore: store, store: fresh, projection: teamOverviewProjection });
        expected = await readModelChecksum(fresh, teamOverviewProjection);
      } finally {
        await store.close();
      }
      expect(expected.collections['teams']!.documents).toBe(TEAMS + 1);

      let live = await readModelChecksum(readModel, teamOverviewProjection);
      const deadline = Date.now() + 90_000;
      while (live.sha256 !== expected.sha256 && Date.now() < deadline) {
        await sleep(250);
        live = await readModelChecksum(readModel, teamOverviewProjection);
      }
      expect(live.collections).toEqual(expected.collections);
      expect(live.sha256).toBe(expected.sha256);
      // It resumed its generation (and consumer group) rather than starting a new one from scratch.
      expect(live.generation).toBe(generation);

      // And what analysts see over HTTP adds up to what governance accepted.
      const answer = await teamsInAnalytics();
      const wave = answer.items.filter((t) => t.name.startsWith('Wave team'));
      expect(wave).toHaveLength(TEAMS);
      expect(wave.every((t) => t.phase === 'pilot')).toBe(true);
      expect(wave.reduce((sum, t) => sum + t.memberCount, 0)).toBe(tally.members);
      expect(wave.reduce((sum, t) => sum + t.decisionsRecorded, 0)).toBe(tally.recorded);
      expect(wave.reduce((sum, t) => sum + t.decisionsEscalated, 0)).toBe(tally.escalated);
      expect(wave.filter((t) => t.name.endsWith('(renamed)'))).toHaveLength(Math.ceil(TEAMS / 4));
    }, 300_000);
  });
});
