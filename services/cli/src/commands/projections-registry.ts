import type { ProjectionDefinition } from '@leerzone/projections';
import { GOVERNANCE_PROJECTIONS } from '@leerzone/governance-service';

/**
 * The projections `projections rebuild` knows: exactly the lists the services register in
 * their Nest modules, so the CLI rebuilds what the services run. (Analytics' read models
 * are fed from Kafka, not replayed from a store, so they are not listed here.)
 */
export async function loadCliProjections(): Promise<readonly ProjectionDefinition[]> {
  return [...GOVERNANCE_PROJECTIONS];
}
