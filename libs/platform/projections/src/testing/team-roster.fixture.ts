import type { NewEvent } from '@leerzone/kernel';
import { defineProjection } from '../projection';

/**
 * A projection that uses every kind of write (upsert with $setOnInsert/$inc/$addToSet/$pull,
 * update, put, delete and re-creation after delete), and a deterministic event generator
 * for it. Used by this package's tests, the MongoDB adapter's crash test and the benchmark.
 */
export const teamRosterProjection = defineProjection({
  name: 'test.team-roster',
  version: 1,
  collections: {
    teams: { indexes: [{ keys: { tenantId: 1, name: 1 } }] },
    memberships: { indexes: [{ keys: { teamId: 1 } }] },
    tenants: {},
  },
  handles: ['TeamCreated', 'TeamRenamed', 'MemberAdded', 'MemberRemoved', 'TeamArchived'],
  apply(event, write) {
    const data = event.data as { teamId: string; name?: string; memberId?: string };
    switch (event.type) {
      case 'TeamCreated':
        write.collection('teams').upsert(data.teamId, {
          $setOnInsert: { createdAt: event.occurredAt, memberIds: [] },
          $set: { tenantId: event.tenantId, name: data.name, archived: false },
          $inc: { incarnation: 1 },
        });
        write.collection('tenants').upsert(event.tenantId, { $inc: { teamsCreated: 1 }, $set: { lastEventAt: event.occurredAt } });
        break;
      case 'TeamRenamed':
        write.collection('teams').update(data.teamId, { $set: { name: data.name }, $push: { formerNames: event.globalPosition } });
        break;
      case 'MemberAdded':
        write.collection('teams').update(data.teamId, { $addToSet: { memberIds: data.memberId }, $inc: { memberCount: 1 } });
        write.collection('memberships').put(`${data.teamId}:${data.memberId}`, { teamId: data.teamId, memberId: data.memberId, since: event.occurredAt });
        break;
      case 'MemberRemoved':
        write.collection('teams').update(data.teamId, { $pull: { memberIds: data.memberId }, $inc: { memberCount: -1 } });
        write.collection('memberships').delete(`${data.teamId}:${data.memberId}`);
        break;
      case 'TeamArchived':
        write.collection('teams').delete(data.teamId);
        write.collection('tenants').upsert(event.tenantId, { $inc: { teamsArchived: 1 } });
        break;
    }
  },
});

/** A seeded pseudo-random generator, so every run sees the same history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RosterEvent {
  readonly streamId: string;
  readonly event: NewEvent;
}

/**
 * `count` events over `teams` teams in two tenants: creations, renames, members joining and
 * leaving, archiving and re-creating a team under the same id.
 */
export function rosterEvents(count: number, options: { readonly teams?: number; readonly seed?: number; readonly prefix?: string } = {}): RosterEvent[] {
  const random = seededRandom(options.seed ?? 7);
  const teams = options.teams ?? 50;
  const prefix = options.prefix ?? 'e';
  const created = new Set<string>();
  const members = new Map<string, string[]>();
  const out: RosterEvent[] = [];
  for (let n = 0; n < count; n++) {
    const index = Math.floor(random() * teams);
    const teamId = `team-${index}`;
    const tenantId = index % 2 === 0 ? 'tenant-a' : 'tenant-b';
    const roll = random();
    let type: string;
    let data: Record<string, unknown>;
    const list = members.get(teamId) ?? [];
    if (!created.has(teamId)) {
      type = 'TeamCreated';
      data = { teamId, name: `Team ${index} ${n}` };
      created.add(teamId);
    } else if (roll < 0.5) {
      type = 'MemberAdded';
      const memberId = `member-${Math.floor(random() * 40)}`;
      data = { teamId, memberId };
      if (!list.includes(memberId)) list.push(memberId);
    } else if (roll < 0.7 && list.length > 0) {
      type = 'MemberRemoved';
      data = { teamId, memberId: list.splice(Math.floor(random() * list.length), 1)[0] };
    } else if (roll < 0.9) {
      type = 'TeamRenamed';
      data = { teamId, name: `Team ${index} renamed ${n}` };
    } else {
      type = 'TeamArchived';
      data = { teamId };
      created.delete(teamId);
      list.length = 0;
    }
    members.set(teamId, list);
    out.push({
      streamId: `team-${index}`,
      event: {
        eventId: `${prefix}-${n}`,
        type,
        schemaVersion: 1,
        tenantId,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
        actor: { id: 'user-1', kind: 'user' },
        correlationId: `corr-${n}`,
        causationId: `cause-${n}`,
        data,
        metadata: {},
      },
    });
  }
  return out;
}
