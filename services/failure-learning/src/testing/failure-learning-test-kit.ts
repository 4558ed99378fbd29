import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { StoredEvent } from '@leerzone/kernel';
import type { ServiceDefinition } from '@leerzone/service-kit';
import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { failureLearningService } from '../failure-learning.module';

/** Test helpers: governance and failure-learning in one app (with the audit API), teams made through governance's real HTTP API, the raw store. */

/** Governance (passed in by the spec: only specs may import another service) beside failure-learning; the test app serves the audit API. */
export const startFailureLearningApp = (governance: ServiceDefinition): Promise<ServiceTestApp> => startServiceTestApp([governance, failureLearningService]);

export { createTeamInGovernance as createTeam, directoryOf, eventually, refusedWith } from '@leerzone/service-kit/testing';

/** Every row of the SQLite event store as stored, read with a connection of its own. */
export function storedRows(t: ServiceTestApp): Array<Record<string, unknown>> {
  const db = new Database(join(t.dir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM events ORDER BY global_position').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

/** Every document of every read model (the team directory included), as JSON. */
export async function allReadModelDocuments(t: ServiceTestApp): Promise<string[]> {
  const documents: string[] = [];
  for (const name of await t.projectionStore.listCollections()) {
    const page = await t.projectionStore.collection(name).find({}, { limit: 10_000 });
    documents.push(...page.items.map((d) => JSON.stringify({ collection: name, ...d })));
  }
  return documents;
}

/** Collects what this app publishes on the bus under `source`. */
export async function watchBus(t: ServiceTestApp, source: string, group: string): Promise<StoredEvent[]> {
  const published: StoredEvent[] = [];
  await t.bus.subscribe({ group, sources: [source], handle: (deliveries) => void published.push(...deliveries.map((d) => d.event)) });
  return published;
}

export const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

/** A valid report body for `teamId`; override what a test is about. */
export const reportBody = (teamId: string, overrides: Record<string, unknown> = {}) => ({
  teamId,
  expected: 'The evening medication round is done by 21:00.',
  happened: 'The evening medication round for room 12 was skipped.',
  context: 'Two colleagues were off sick; the handover was rushed.',
  impact: { description: 'A client missed a dose; no lasting harm.', cost: null },
  severity: 'high',
  occurredAt: minutesAgo(180),
  noticedAt: minutesAgo(60),
  area: 'medication',
  tags: ['handover', 'evening-round'],
  ...overrides,
});
