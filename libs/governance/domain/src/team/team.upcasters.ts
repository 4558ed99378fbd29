import type { Upcaster } from '@leerzone/kernel';

/**
 * Older shapes of team events, read as the current ones. Registered once in the process's
 * schema registry; command handling, projections, the audit API and consumers read through it.
 */
export const TEAM_UPCASTERS: readonly Upcaster[] = [
  // v1 → v2: delegation levels gained a review date; levels set before had none.
  { type: 'DelegationLevelChanged', fromVersion: 1, upcast: (data) => ({ ...(data as object), reviewBy: null }) },
  // v1 → v2: coaching notes are sealed. Version 1 held them in clear text, which erasure cannot
  // reach; they are no longer read (not served, projected or published again). The v1 rows keep
  // them: see docs/privacy.md, "Coaching notes written before sealing".
  { type: 'CoachingSessionHeld', fromVersion: 1, upcast: (data) => ({ ...(data as object), notes: null }) },
];
