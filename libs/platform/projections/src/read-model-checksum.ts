import { createHash } from 'node:crypto';
import { canonicalJson } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { DELETED_FIELD, type ProjectionDefinition } from './projection';
import { ProjectionCatalog } from './projection-catalog';
import { ProjectionError } from './projection.errors';

export interface ReadModelChecksum {
  readonly generation: string;
  /** Over every collection, in logical-name order. */
  readonly sha256: string;
  readonly collections: Readonly<Record<string, { readonly documents: number; readonly sha256: string }>>;
}

/**
 * A fingerprint of a projection's current read model: every live document (with the
 * position of the last event applied to it) in id order, in canonical JSON. Two read models
 * built from the same events have the same checksum however they got there.
 */
export async function readModelChecksum(store: ProjectionStore, projection: ProjectionDefinition, generationId?: string): Promise<ReadModelChecksum> {
  const catalog = new ProjectionCatalog(store);
  const pointer = await catalog.pointer(projection.name);
  if (!pointer) throw new ProjectionError('PROJECTION.UNKNOWN', `${projection.name} has no generation yet.`, 'name');
  const useCurrent = generationId === undefined || generationId === pointer.generation;
  const collections = useCurrent ? pointer.collections : pointer.previous?.generation === generationId ? pointer.previous.collections : undefined;
  if (!collections) throw new ProjectionError('PROJECTION.UNKNOWN', `${projection.name} has no generation ${generationId}.`, 'generation');
  const total = createHash('sha256');
  const result: Record<string, { documents: number; sha256: string }> = {};
  for (const logical of Object.keys(projection.collections).sort()) {
    const hash = createHash('sha256');
    let documents = 0;
    let after: string | undefined;
    do {
      const page = await store.collection(collections[logical]!).find({ [DELETED_FIELD]: { $ne: true } }, { sort: { _id: 1 }, limit: 1_000, ...(after ? { after } : {}) });
      for (const document of page.items) {
        hash.update(canonicalJson(document)).update('\n');
        documents++;
      }
      after = page.next;
    } while (after);
    result[logical] = { documents, sha256: hash.digest('hex') };
    total.update(`${logical}:${result[logical]!.sha256}\n`);
  }
  return { generation: useCurrent ? pointer.generation : generationId!, sha256: total.digest('hex'), collections: result };
}
