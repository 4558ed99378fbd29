/** DI tokens for the ports every service shares. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** `() => Date` */
export const CLOCK = Symbol('CLOCK');
/** `() => string`, UUIDv7 */
export const NEW_ID = Symbol('NEW_ID');
/** The read-model store (`ProjectionStore`). */
export const PROJECTION_STORE = Symbol('PROJECTION_STORE');
