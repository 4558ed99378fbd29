import type { StoredEvent } from '@leerzone/kernel';
import type { Document, IndexSpec, Update } from '@leerzone/projection-store';
import { assertCollectionName, assertIndexSpec } from '@leerzone/projection-store';
import { ProjectionError } from './projection.errors';

/** Fields the runner keeps on every read-model document; handlers may not write them. */
export const POSITION_FIELD = '_position';
export const DELETED_FIELD = '_deleted';

/**
 * Writes of one handler call, addressed by document id. Write-only on purpose: a handler
 * derives its writes from the event alone (plus update operators evaluated by the store),
 * so replaying an event after a crash produces the same writes, and a whole batch can be
 * sent in one round trip per collection. Write each document at most once per event.
 */
export interface DocumentWriter<T extends Document = Document> {
  /** Updates the document, creating it first when it does not exist (`$setOnInsert` applies then). */
  upsert(id: string, update: Update): void;
  /** Updates the document if it exists; does nothing otherwise. */
  update(id: string, update: Update): void;
  /** Replaces the whole document, creating it when missing. */
  put(id: string, document: Omit<T, '_id'>): void;
  delete(id: string): void;
}

export interface ProjectionWriter<C extends string = string> {
  collection<T extends Document = Document>(name: C): DocumentWriter<T>;
}

export interface CollectionDefinition {
  readonly indexes?: readonly IndexSpec[];
}

export interface ProjectionDefinition<C extends string = string> {
  /** Stable, unique: `governance.teams`. Letters, digits, `.`, `-`, `_`. */
  readonly name: string;
  /** Bump whenever `apply` or the collections change: the runner then rebuilds into fresh collections and switches over. */
  readonly version: number;
  /** The collections this projection owns, by logical name. Nothing else writes them. */
  readonly collections: Readonly<Record<C, CollectionDefinition>>;
  /** Event types `apply` is called for; others only move the checkpoint. */
  readonly handles: readonly string[];
  apply(event: StoredEvent, write: ProjectionWriter<C>): void;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export function assertProjectionDefinition(projection: ProjectionDefinition): void {
  if (!projection || typeof projection.name !== 'string' || !NAME.test(projection.name)) {
    throw new ProjectionError('PROJECTION.INVALID_DEFINITION', 'A projection name is 1-80 letters, digits, . - _', 'name');
  }
  const at = (field: string) => `${projection.name}.${field}`;
  if (!Number.isSafeInteger(projection.version) || projection.version < 1) {
    throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name}: version is a positive integer.`, at('version'));
  }
  const collections = Object.keys(projection.collections ?? {});
  if (collections.length === 0) throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name} owns no collections.`, at('collections'));
  for (const name of collections) {
    try {
      assertCollectionName(name);
      (projection.collections as Record<string, CollectionDefinition>)[name]!.indexes?.forEach((spec) => assertIndexSpec(spec));
    } catch (error) {
      throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name}: collection ${name}: ${(error as Error).message}`, at(`collections.${name}`));
    }
    if (name.includes('__') || name.length > 80) {
      throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name}: collection names are at most 80 characters without "__" (reserved for generations).`, at(`collections.${name}`));
    }
  }
  if (!Array.isArray(projection.handles) || projection.handles.some((type) => typeof type !== 'string' || type.length === 0)) {
    throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name}: handles lists event types.`, at('handles'));
  }
  if (typeof projection.apply !== 'function') throw new ProjectionError('PROJECTION.INVALID_DEFINITION', `${projection.name}: apply is missing.`, at('apply'));
}

/** Identity with type inference: `defineProjection({ name, version, collections: { teams: {} }, handles, apply })`. */
export const defineProjection = <C extends string>(projection: ProjectionDefinition<C>): ProjectionDefinition<C> => {
  assertProjectionDefinition(projection as unknown as ProjectionDefinition);
  return projection;
};
