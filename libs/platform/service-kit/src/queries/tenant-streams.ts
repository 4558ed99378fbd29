import { Inject, Injectable } from '@nestjs/common';
import { StreamNotFoundError, type EventStore, type StoredEvent } from '@leerzone/kernel';
import { EVENT_STORE } from '@leerzone/nest-platform';

/** Reads a stream for time travel and history; another tenant's stream does not exist for the caller. */
@Injectable()
export class TenantStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(streamId: string, tenantId: string): Promise<StoredEvent[] | null> {
    try {
      const events = await this.store.readStream(streamId);
      return events.length > 0 && events[0]!.tenantId === tenantId ? events : null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }
}
