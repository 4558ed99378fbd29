import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { POSITION_FIELD, ProjectionCatalog, ProjectionRunner, readModelChecksum, rebuildProjection } from '@leerzone/projections';
import { rosterEvents, seededRandom, teamRosterProjection } from '@leerzone/projections/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { MongoProjectionStore } from './mongo-projection-store';
import { openTestDatabase } from './mongo-test-database';

const EVENTS = 1_500;

describeWithServer('mongo', 'projection runner on MongoDB', (url) => {
  let dir: string;
  let filename: string;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-projections-mongo-'));
    filename = join(dir, 'events.db');
    const store = new SqliteEventStore({ filename });
    const events = rosterEvents(EVENTS, { teams: 40 });
    for (let i = 0; i < events.length; i += 100) {
      for (const { streamId, event } of events.slice(i, i + 100)) await store.append(streamId, [event], { expectedVersion: 'any' });
    }
    await store.close();
  });

  afterAll(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    rmSync(dir, { recursive: true, force: true });
  });

  const database = async () => {
    const opened = await openTestDatabase(await url());
    cleanups.push(opened.dispose);
    return opened;
  };

  const expectedChecksum = async (eventStore: SqliteEventStore): Promise<string> => {
    const { store } = await database();
    await rebuildProjection({ eventStore, store, projection: teamRosterProjection });
    return (await readModelChecksum(store, teamRosterProjection)).sha256;
  };

  it('killed with SIGKILL in the middle of batches, then restarted, ends with the read model of a full rebuild', async () => {
    const { store } = await database();
    const catalog = new ProjectionCatalog(store);
    const random = seededRandom(2026);
    let killedBetweenWritesAndCheckpoint = 0;
    let lastCheckpoint = 0;
    for (let round = 0; round < 4; round++) {
      const child = spawn(
        process.execPath,
        ['--conditions=@leerzone/source', '-r', '@swc-node/register', join(__dirname, 'projection-runner.process.ts'), filename, await url(), store.databaseName, '40'],
        { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Wait until this round has moved the checkpoint, then kill at a random moment of the following batches.
      const pointer = async () => catalog.pointer(teamRosterProjection.name);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const current = await pointer();
        const position = current ? await catalog.checkpoint(teamRosterProjection.name, current.generation) : 0;
        if (position > lastCheckpoint) break;
        if (child.exitCode !== null) throw new Error(`The child exited early (${child.exitCode}): ${stderr}`);
        if (Date.now() > deadline) throw new Error(`The child made no progress: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(random() * 250)));
      child.kill('SIGKILL');
      expect(await exited).toBeNull();
      const generation = (await pointer())!;
      lastCheckpoint = await catalog.checkpoint(teamRosterProjection.name, generation.generation);
      expect(lastCheckpoint).toBeLessThan(EVENTS);
      // Writes that landed beyond the checkpoint: the kill fell between a batch's writes and its checkpoint.
      let ahead = 0;
      for (const physical of Object.values(generation.collections)) ahead += await store.collection(physical).count({ [POSITION_FIELD]: { $gt: lastCheckpoint } });
      if (ahead > 0) killedBetweenWritesAndCheckpoint++;
    }
    expect(killedBetweenWritesAndCheckpoint).toBeGreaterThan(0);

    const eventStore = new SqliteEventStore({ filename });
    cleanups.push(() => eventStore.close());
    const runner = new ProjectionRunner({ eventStore, store, projections: [teamRosterProjection], batchSize: 200 });
    cleanups.push(() => runner.stop());
    await runner.start();
    expect((await runner.status())[0]).toMatchObject({ state: 'live', position: EVENTS, lag: 0 });
    expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe(await expectedChecksum(eventStore));
  });

  it('serves queries from the previous generation during a rebuild and reports the lag of a live runner', async () => {
    const { store } = await database();
    const eventStore = new SqliteEventStore({ filename });
    cleanups.push(() => eventStore.close());
    const runner = new ProjectionRunner({ eventStore, store, projections: [teamRosterProjection], batchSize: 500, pointerPollMs: 100 });
    cleanups.push(() => runner.stop());
    await runner.start();
    const teams = runner.readModels.collection('test.team-roster', 'teams');
    const count = await teams.count();
    expect(count).toBeGreaterThan(0);
    const during: number[] = [];
    const result = await runner.rebuild('test.team-roster', { onProgress: () => void teams.count().then((n) => during.push(n)) });
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((n) => n === count)).toBe(true);
    expect((await runner.status())[0]).toMatchObject({ generation: result.generation, state: 'live', position: EVENTS, head: EVENTS, lag: 0 });
    expect(await teams.count()).toBe(count);
  });
});

describeWithServer('mongo', 'MongoProjectionStore.connect', (url) => {
  it('takes the database from the URL path and defaults it', async () => {
    const base = (await url()).replace(/\/?(\?.*)?$/, '');
    const named = await MongoProjectionStore.connect({ url: `${base}/lz_named_db` });
    const unnamed = await MongoProjectionStore.connect({ url: `${base}/` });
    expect(named.databaseName).toBe('lz_named_db');
    expect(unnamed.databaseName).toBe('leerzone_projections');
    await named.close();
    await unnamed.close();
  });
});
