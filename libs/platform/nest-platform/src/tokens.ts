/** DI tokens for the ports every service shares. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** `() => Date` */
export const CLOCK = Symbol('CLOCK');
/** `() => string`, UUIDv7 */
export const NEW_ID = Symbol('NEW_ID');
/** The read-model store (`ProjectionStore`). */
export const PROJECTION_STORE = Symbol('PROJECTION_STORE');
/**
 * The process's one `EventSchemaRegistry`: every service registers its event schemas
 * (upcasters) here once, and command handling, projections, the audit API and bus
 * consumers all read through it.
 */
export const EVENT_SCHEMAS = Symbol('EVENT_SCHEMAS');
/**
 * The `LeaseProvider` (kernel port) the projection runner runs under when several instances
 * share one event store and one read-model store; `null` when the process runs them alone.
 */
export const PROJECTION_LEASES = Symbol('PROJECTION_LEASES');
/** The `PersonalDataVault` (kernel port): seal personal data before it enters an event, open it to read, erase a person. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
