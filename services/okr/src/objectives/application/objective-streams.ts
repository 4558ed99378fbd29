import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@leerzone/kernel';
import { TenantStreams } from '@leerzone/service-kit';
import { objectiveDecider, objectiveStreamId, type ObjectiveEvent, type ObjectiveState } from '@leerzone/okr-domain';

/** One objective's stream, read for a lookup (a parent, a carry-forward source) or a detailed view. */
@Injectable()
export class ObjectiveStreams {
  constructor(private readonly streams: TenantStreams) {}

  async load(tenantId: string, objectiveId: string): Promise<{ state: ObjectiveState; version: number; events: readonly StoredEvent<ObjectiveEvent['type'], ObjectiveEvent['data']>[] }> {
    return this.streams.load(objectiveDecider, objectiveStreamId(tenantId, objectiveId), tenantId);
  }
}
