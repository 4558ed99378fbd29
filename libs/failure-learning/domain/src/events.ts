import { CONFIDENTIAL_CASE_EVENT_TYPES } from './case/confidential-case.events';
import { LIBRARY_EVENT_TYPES } from './library/library.events';
import { REFLECTION_EVENT_TYPES } from './reflection/reflection.events';
import { REPORT_EVENT_TYPES } from './report/report.events';

/** Stream ids of this context all start so: a mixed store relays them under the service's name. */
export const FAILURE_LEARNING_STREAM_PREFIX = 'failure-learning-';

/** Events that may go on the public topic (leerzone.failure-learning.events). */
export const PUBLIC_EVENT_TYPES: readonly string[] = [...REPORT_EVENT_TYPES, ...LIBRARY_EVENT_TYPES, ...REFLECTION_EVENT_TYPES];
/** Events that never leave the service: the confidential track for hard boundaries. */
export const CONFIDENTIAL_EVENT_TYPES: readonly string[] = CONFIDENTIAL_CASE_EVENT_TYPES;
export const FAILURE_LEARNING_EVENT_TYPES: readonly string[] = [...PUBLIC_EVENT_TYPES, ...CONFIDENTIAL_EVENT_TYPES];

const confidential = new Set(CONFIDENTIAL_EVENT_TYPES);
const publishable = new Set(PUBLIC_EVENT_TYPES);
/** The relay's filter: a confidential event type is never published. */
export const isConfidentialEvent = (type: string): boolean => confidential.has(type);
/** Only known, non-confidential types are published; an unknown type is held back rather than guessed about. */
export const isPublishableEvent = (type: string): boolean => publishable.has(type);
