import type { EventRef } from '@leerzone/analytics-domain';
import type { StoredEvent } from '@leerzone/kernel';

/** Where an event sits in its producer's history, kept beside what it says so signals can cite it. */
export const refOf = (event: Pick<StoredEvent, 'eventId' | 'streamId' | 'streamPosition'>): EventRef => ({ eventId: event.eventId, streamId: event.streamId, streamPosition: event.streamPosition });

/** `<tenant>/<id>`: an aggregate id belongs to one tenant, and the key says so. */
export const documentId = (tenantId: string, id: string): string => `${tenantId}/${id}`;
