import type { ProjectionDefinition } from '@leerzone/projections';
import { ASSESSMENT_PROJECTIONS } from '@leerzone/assessment-service';
import { FAILURE_LEARNING_PROJECTIONS } from '@leerzone/failure-learning-service';
import { GOVERNANCE_PROJECTIONS } from '@leerzone/governance-service';
import { OKR_PROJECTIONS } from '@leerzone/okr-service';

/**
 * The projections `projections rebuild` knows: exactly the lists the services register in
 * their Nest modules (each replayed from that service's own event store), so the CLI
 * rebuilds what the services run. (Analytics' read models are fed from Kafka, not replayed
 * from a store, so they are not listed here.)
 */
export async function loadCliProjections(): Promise<readonly ProjectionDefinition[]> {
  return [...GOVERNANCE_PROJECTIONS, ...OKR_PROJECTIONS, ...ASSESSMENT_PROJECTIONS, ...FAILURE_LEARNING_PROJECTIONS] as readonly ProjectionDefinition[];
}
