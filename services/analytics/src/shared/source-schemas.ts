import { EventSchemaRegistry } from '@leerzone/kernel';

/**
 * Analytics' own reading of the schema versions of governance's events, for its consumers
 * (a consumer's registry replaces the process's: in its own process analytics has none of
 * governance's upcasters, and must not import them). `DelegationLevelChanged` v1 lacked only
 * `reviewBy` (docs/governance-events.md); analytics reads every version as v2. Analytics
 * reads no coaching session, but a consumer refuses a version its registry does not know, so
 * `CoachingSessionHeld` v2 (sealed notes) is known here too; v1 is read with `notes: null`.
 */
export const governanceSchemas = (): EventSchemaRegistry =>
  new EventSchemaRegistry([
    { type: 'DelegationLevelChanged', fromVersion: 1, upcast: (data) => ({ ...(data as object), reviewBy: null }) },
    { type: 'CoachingSessionHeld', fromVersion: 1, upcast: (data) => ({ ...(data as object), notes: null }) },
  ]);
