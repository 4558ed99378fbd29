import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { EventSchemaRegistry, handleCommand, reject, tenantStreamId, type CommandContext, type Decider, type NewEvent } from '@leerzone/kernel';
import { TenantStreams } from './tenant-streams';

type NoteEvent = { type: 'TeamCreated'; data: { name: string } } | { type: 'TeamRenamed'; data: { name: string } };
type NoteCommand = { type: 'Create' | 'Rename'; name: string };
interface NoteState {
  readonly exists: boolean;
  readonly name: string | null;
}

const teams: Decider<NoteCommand, NoteEvent, NoteState> = {
  initialState: { exists: false, name: null },
  decide: (command, state) => {
    if (command.type === 'Create') return state.exists ? reject('conflict', 'TEAM.ALREADY_EXISTS', 'exists') : [{ type: 'TeamCreated', data: { name: command.name } }];
    return state.exists ? [{ type: 'TeamRenamed', data: { name: command.name } }] : reject('not-found', 'TEAM.NOT_FOUND', 'no such team');
  },
  evolve: (_state, event) => ({ exists: true, name: event.data.name }),
};

const legacyEvent = (tenantId: string, name: string): NewEvent => ({
  eventId: randomUUID(),
  type: 'TeamCreated',
  schemaVersion: 1,
  tenantId,
  occurredAt: '2026-01-05T09:00:00.000Z',
  actor: { id: 'cora', kind: 'user' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  data: { name },
  metadata: {},
});

const as = (tenantId: string): CommandContext => ({ tenantId, actor: { id: 'cora', kind: 'user' }, correlationId: randomUUID(), causationId: randomUUID(), now: new Date('2026-06-01T10:00:00Z') });

/**
 * Issue 16, phase 2: tenant-scoped stream ids (`team-4:acme:<id>`) over a store written before
 * them, with global `team-<id>` streams, and no migration: the store is reopened as it was
 * written, a tenant's legacy aggregate is found under its scoped id and keeps being appended to
 * under its legacy id, another tenant's legacy stream reads as absent and does not block the id,
 * and `audit verify` stays intact across both kinds of stream.
 */
describe('TenantStreams and commands over a store with legacy global stream ids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-legacy-streams-'));
  const filename = join(dir, 'events.db');
  const acmeTeam = randomUUID();
  const globexTeam = randomUUID();
  let store: SqliteEventStore;
  let streams: TenantStreams;
  const run = (command: NoteCommand, streamId: string, tenantId: string) => handleCommand({ store, newId: randomUUID }, teams, streamId, command, as(tenantId));

  beforeAll(async () => {
    const earlier = new SqliteEventStore({ filename });
    await earlier.append(`team-${acmeTeam}`, [legacyEvent('acme', 'Wijkteam Oud')], { expectedVersion: 0 });
    await earlier.append(`team-${globexTeam}`, [legacyEvent('globex', 'Globex Oud')], { expectedVersion: 0 });
    await earlier.close();
    store = new SqliteEventStore({ filename });
    streams = new TenantStreams(store, new EventSchemaRegistry());
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds a tenant's legacy stream under its scoped id, and appends to the legacy stream", async () => {
    const scoped = tenantStreamId('team-', 'acme', acmeTeam);
    expect((await streams.read(scoped, 'acme'))?.map((e) => [e.streamId, e.type])).toEqual([[`team-${acmeTeam}`, 'TeamCreated']]);
    expect((await streams.load(teams, scoped, 'acme')).state).toEqual({ exists: true, name: 'Wijkteam Oud' });

    const renamed = await run({ type: 'Rename', name: 'Wijkteam Nieuw' }, scoped, 'acme');
    expect(renamed).toMatchObject({ ok: true, version: 2 });
    expect((await store.readStream(`team-${acmeTeam}`)).map((e) => [e.type, e.streamPosition])).toEqual([
      ['TeamCreated', 1],
      ['TeamRenamed', 2],
    ]);
    expect(await store.streamVersion(scoped)).toBe(0);
    // Within the tenant the id stays taken.
    expect(await run({ type: 'Create', name: 'Again' }, scoped, 'acme')).toMatchObject({ ok: false, rejection: { code: 'TEAM.ALREADY_EXISTS' } });
  });

  it("reads another tenant's legacy stream as absent, and lets the id be created as the caller's own", async () => {
    const claimed = tenantStreamId('team-', 'globex', acmeTeam);
    expect(await streams.read(claimed, 'globex')).toBeNull();
    expect(await streams.read(tenantStreamId('team-', 'acme', globexTeam), 'acme')).toBeNull();
    expect(await run({ type: 'Rename', name: 'Taken over' }, claimed, 'globex')).toMatchObject({ ok: false, rejection: { code: 'TEAM.NOT_FOUND' } });

    // Not 409 STREAM.ID_TAKEN: nothing says the id is used elsewhere.
    expect(await run({ type: 'Create', name: 'Globex Noord' }, claimed, 'globex')).toMatchObject({ ok: true, version: 1 });
    expect((await store.readStream(claimed)).map((e) => [e.tenantId, e.data])).toEqual([['globex', { name: 'Globex Noord' }]]);
    expect((await store.readStream(`team-${acmeTeam}`)).length).toBe(2);
    expect((await streams.load(teams, tenantStreamId('team-', 'acme', acmeTeam), 'acme')).state.name).toBe('Wijkteam Nieuw');
    expect((await streams.load(teams, claimed, 'globex')).state.name).toBe('Globex Noord');
  });

  it('gives a new aggregate its scoped stream', async () => {
    const fresh = tenantStreamId('team-', 'acme', randomUUID());
    expect(await run({ type: 'Create', name: 'Wijkteam Vers' }, fresh, 'acme')).toMatchObject({ ok: true, version: 1 });
    expect(await store.streamVersion(fresh)).toBe(1);
  });

  it('keeps audit verify intact across legacy and scoped streams', async () => {
    const report = await verifyEventStore(store, { keys: new CheckpointKeyRing() });
    expect(report).toMatchObject({ status: 'intact', problems: [], streamsChecked: 4, eventsChecked: 5 });
  });
});
