import { ASSESSMENT_PROJECTIONS } from '@leerzone/assessment-service';
import { FAILURE_LEARNING_PROJECTIONS } from '@leerzone/failure-learning-service';
import { GOVERNANCE_PROJECTIONS } from '@leerzone/governance-service';
import { OKR_PROJECTIONS } from '@leerzone/okr-service';
import { loadCliProjections } from './projections-registry';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { rosterEvents, teamRosterProjection } from '@leerzone/projections/testing';
import { runCli } from '../cli';
import { createProjectionsRebuildCommand } from './projections-rebuild.command';
import { projectionsStatusCommand } from './projections-status.command';

const commands = [createProjectionsRebuildCommand(async () => [teamRosterProjection]), projectionsStatusCommand];

describe('projections commands', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = async (argv: string[], tty = false) => {
    const out = new PassThrough();
    const err = Object.assign(new PassThrough(), { isTTY: tty, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const code = await runCli(argv, commands, { out, err, env });
    return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-cli-projections-'));
    env = { EVENT_STORE_URL: `sqlite:${join(dir, 'events.db')}`, PROJECTION_STORE_URL: 'memory:' };
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    for (const { streamId, event } of rosterEvents(1_200)) await store.append(streamId, [event], { expectedVersion: 'any' });
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds a projection and reports what it did, with plain progress lines when not on a terminal', async () => {
    const result = await cli(['projections', 'rebuild', 'test.team-roster', '--batch-size', '100']);
    expect(result.err).toMatch(/^Rebuilding test\.team-roster \(version 1\) from sqlite:/);
    expect(result.err).toMatch(/rebuild test\.team-roster: 1200\/1200 events \(100%\), [\d,]+ events\/s, ETA/);
    expect(result.out).toMatch(/^Rebuilt test\.team-roster: 1,200 events up to global position 1200 in [\d.]+ s \([\d,]+ events\/s\)\.\nQueries now read generation v1_\d+\./);
    expect(result.out).toContain('memory: read models live inside one process');
    expect(result.code).toBe(0);
  });

  it('draws a bar with events/s and ETA on a terminal', async () => {
    const result = await cli(['projections', 'rebuild', 'test.team-roster', '--batch-size', '100'], true);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/rebuild test\.team-roster \[[█░]+\] \d+% \| \d+\/1200 events \| [\d,]+ events\/s \| ETA/);
    expect(result.err).not.toMatch(/\(\d+%\), /);
  });

  it('refuses an unknown projection, bad flags and a missing event store with usage or a clear error', async () => {
    const unknown = await cli(['projections', 'rebuild', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no projection named nope. Known: test.team-roster.');
    expect((await cli(['projections', 'rebuild', 'test.team-roster', '--batch-size', '0'])).code).toBe(2);
    expect((await cli(['projections', 'rebuild', 'test.team-roster', '--bogus', 'x'])).err).toContain('Unknown argument: --bogus');
    const missing = await cli(['projections', 'rebuild', 'test.team-roster', '--events', `sqlite:${join(dir, 'absent.db')}`]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no event store at');
    const badStore = await cli(['projections', 'rebuild', 'test.team-roster', '--projection-store', 'redis://x']);
    expect(badStore.code).toBe(1);
    expect(badStore.err).toContain('Unsupported projection store URL');
  });

  it('shows the head of the event store and that a fresh memory store has no projections yet', async () => {
    const result = await cli(['projections', 'status']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('head at global position 1200');
    expect(result.out).toContain('No projections in memory: yet.');
  });
});

describe('the projections the CLI knows', () => {
  it('are every store-fed projection the writing services register, each name once', async () => {
    const names = (await loadCliProjections()).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([...GOVERNANCE_PROJECTIONS, ...OKR_PROJECTIONS, ...ASSESSMENT_PROJECTIONS, ...FAILURE_LEARNING_PROJECTIONS].map((p) => p.name).sort());
    expect(names.some((n) => n.startsWith('okr.'))).toBe(true);
  });
});
