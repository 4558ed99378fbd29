import { EventSchemaRegistry } from '@leerzone/kernel';
import type { ProjectionDefinition } from '@leerzone/projections';
import { TEAM_UPCASTERS } from '@leerzone/governance-domain';
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

/**
 * The schema registry a rebuild reads through: every upcaster the writing services register
 * in their modules (today governance's team events), so a read model rebuilt here from events
 * of an older release equals the one the service builds — not one that sees the old shapes.
 */
export const cliEventSchemas = (): EventSchemaRegistry => new EventSchemaRegistry(TEAM_UPCASTERS);
