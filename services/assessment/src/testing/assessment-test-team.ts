import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StoredEvent } from '@leerzone/kernel';
import { PUBLISHED_INSTRUMENTS, type InstrumentDefinition } from '@leerzone/assessment-domain';
import type { ServiceTestApp } from '@leerzone/service-kit/testing';

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

export { createTeamInGovernance as createTeam, directoryOf, eventually, refusedWith } from '@leerzone/service-kit/testing';

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
    // `<projection>.<collection>__v…`: matched on `<collection>__v…`, the part after the projection's name.
    const generation = name.slice(name.lastIndexOf('.') + 1);
    if (!prefixes.some((prefix) => generation.startsWith(prefix))) continue;
    const { items } = await t.projectionStore.collection(name).find({});
    found.push(...items.map((document) => ({ collection: generation, document })));
  }
  return found;
}

export type { StoredEvent };
