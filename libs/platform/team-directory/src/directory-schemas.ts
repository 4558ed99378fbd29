import { EventSchemaRegistry, type StoredEvent } from '@leerzone/kernel';
import { DIRECTORY_FACT_VERSIONS, type DirectoryFactType } from './team-facts';

const isDirectoryType = (type: string): type is DirectoryFactType => Object.hasOwn(DIRECTORY_FACT_VERSIONS, type);

/**
 * How a team directory reads governance's schema versions: the facts it reads at the
 * versions it understands (a newer one is refused and dead-lettered, not guessed at), and
 * every other governance event untouched whatever its version — the directory ignores them.
 * Without it a directory fell back to its process's own registry, which knows none of
 * governance's upcasters, and dead-lettered every DelegationLevelChanged v2 (found by the
 * fault suite, services/faults).
 */
export class DirectorySchemas extends EventSchemaRegistry {
  override currentVersion(type: string): number {
    return isDirectoryType(type) ? DIRECTORY_FACT_VERSIONS[type] : Number.MAX_SAFE_INTEGER;
  }

  override upcast<E extends StoredEvent>(event: E): E {
    return isDirectoryType(event.type) ? super.upcast(event) : event;
  }
}
