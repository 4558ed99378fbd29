import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { openProjectionStore } from '@leerzone/projection-store-mongodb';
import { ReadModels } from '@leerzone/projections';
import { describeWithServer } from '@leerzone/test-servers';
import { cliForTest } from '../testing/stack-for-test';

/**
 * `projections rebuild` reads the store through the services' upcasters: a
 * DelegationLevelChanged of version 1 (an older release; no review date) is rebuilt into the
 * delegation board on the MongoDB-wire server as version 2 — `reviewBy` present and null, as
 * governance itself projects it — not as the old shape.
 */
describeWithServer('mongo', 'projections rebuild of events of an older release', (mongoUrl) => {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-cli-upcast-'));
  const database = `cliupcast${Date.now().toString(36)}`;
  const teamId = '01900000-0000-7000-8000-00000000cafe';
  let url: string;

  beforeAll(async () => {
    url = `${await mongoUrl()}${database}`;
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const legacy: NewEvent = {
      eventId: '01900000-0000-7000-8000-0000000000ab',
      type: 'DelegationLevelChanged',
      schemaVersion: 1,
      tenantId: 'acme',
      occurredAt: '2026-01-05T09:00:00.000Z',
      actor: { id: 'cora', kind: 'user' },
      reason: 'trust grows',
      correlationId: 'corr-legacy',
      causationId: 'cause-legacy',
      data: { teamId, area: 'planning', previousLevel: null, level: 5, changedBy: 'cora', changedAt: '2026-01-05T09:00:00.000Z', reason: 'trust grows' },
      metadata: {},
    };
    await store.append(`team-${teamId}`, [legacy], { expectedVersion: 0 });
    await store.close();
  });

  afterAll(async () => {
    if (url) {
      const store = await openProjectionStore(url);
      for (const name of await store.listCollections()) await store.collection(name).drop();
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects the old shape as the current one', async () => {
    const rebuilt = await cliForTest(['projections', 'rebuild', 'governance.delegation-board', '--events', `sqlite:${join(dir, 'events.db')}`, '--projection-store', url], {});
    expect({ code: rebuilt.code, err: rebuilt.code === 0 ? '' : rebuilt.err }).toEqual({ code: 0, err: '' });
    expect(rebuilt.out).toMatch(/^Rebuilt governance\.delegation-board: 1 events/);

    const store = await openProjectionStore(url);
    try {
      const planning = await new ReadModels(store).collection('governance.delegation-board', 'areas').findOne({ teamId, area: 'planning' });
      expect(planning).toMatchObject({ tenantId: 'acme', teamId, area: 'planning', level: 5 });
      // Present and null, not merely missing: the rebuild saw version 2.
      expect(planning).toHaveProperty('reviewBy', null);
    } finally {
      await store.close();
    }
  });
});
