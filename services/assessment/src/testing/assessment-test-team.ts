import { expect } from '@jest/globals';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StoredEvent } from '@leerzone/kernel';
import { PUBLISHED_INSTRUMENTS, type InstrumentDefinition } from '@leerzone/assessment-domain';
import { TeamDirectory } from '@leerzone/team-directory';
import { expectStatus, sleep, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';

/** Test helpers: a team made through governance's real HTTP API, answer sheets, the raw store. */

export const PS = PUBLISHED_INSTRUMENTS.find((d) => d.instrumentId === 'psychological-safety')!;
export const STD = PUBLISHED_INSTRUMENTS.find((d) => d.instrumentId === 'leerzone-standards')!;
export const ABI = PUBLISHED_INSTRUMENTS.find((d) => d.instrumentId === 'abi-trustworthiness')!;

/** Answers that score `target` on every item after reverse-scoring (a reversed item is answered A + 1 − target). */
export const answersTo = (definition: InstrumentDefinition, target: number) => ({
  instrumentId: definition.instrumentId,
  version: definition.version,
  responses: definition.items.map((item) => ({ itemId: item.itemId, value: item.reverse ? definition.scale.points + 1 - target : target })),
});

export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(25);
    }
  }
}

export const directoryOf = (t: ServiceTestApp): TeamDirectory => t.app.get(TeamDirectory, { strict: false });

/** A team in governance with a coach and members, and the assessment directory caught up with it. */
export async function createTeam(t: ServiceTestApp, coach: Caller, coachId: string, memberIds: readonly string[], name: string, tenantId = 'acme'): Promise<string> {
  const created = await coach.post('/api/governance/teams', { name });
  expectStatus(created, 201);
  const teamId = created.body.teamId as string;
  expectStatus(await coach.post(`/api/governance/teams/${teamId}/members`, { memberId: coachId, roles: ['coach'] }), 201);
  for (const memberId of memberIds) expectStatus(await coach.post(`/api/governance/teams/${teamId}/members`, { memberId }), 201);
  await eventually(async () => expect((await directoryOf(t).currentMembers(tenantId, teamId)).length).toBe(memberIds.length + 1));
  return teamId;
}

export interface EventRow {
  global_position: number;
  stream_id: string;
  stream_position: number;
  type: string;
  tenant_id: string;
  occurred_at: string;
  actor: string;
  reason: string | null;
  correlation_id: string;
  causation_id: string;
  traceparent: string | null;
  data: string;
  metadata: string;
}

/** The store's rows as SQLite holds them, read from the file itself. */
export function storedRows(t: ServiceTestApp, streamPrefix = 'assessment-'): EventRow[] {
  const db = new Database(join(t.dir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM events WHERE stream_id LIKE ? ORDER BY global_position').all(`${streamPrefix}%`) as EventRow[];
  } finally {
    db.close();
  }
}

/** Every document of every projection-store collection whose name starts with one of the prefixes. */
export async function readModelDocuments(t: ServiceTestApp, prefixes: readonly string[]): Promise<Array<{ collection: string; document: unknown }>> {
  const found: Array<{ collection: string; document: unknown }> = [];
  for (const name of await t.projectionStore.listCollections()) {
    if (!prefixes.some((prefix) => name.startsWith(prefix))) continue;
    const { items } = await t.projectionStore.collection(name).find({});
    found.push(...items.map((document) => ({ collection: name, document })));
  }
  return found;
}

export type { StoredEvent };
