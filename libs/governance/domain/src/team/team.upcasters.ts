import type { Upcaster } from '@leerzone/kernel';

/**
 * Older shapes of team events, read as the current ones. Registered once in the process's
 * schema registry; command handling, projections, the audit API and consumers read through it.
 */
export const TEAM_UPCASTERS: readonly Upcaster[] = [
  // v1 → v2: delegation levels gained a review date; levels set before had none.
  { type: 'DelegationLevelChanged', fromVersion: 1, upcast: (data) => ({ ...(data as object), reviewBy: null }) },
];
