import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { CYCLE_EVENT_TYPES, type CycleEvent, type CycleStatus } from '@leerzone/okr-domain';

export const CYCLES_PROJECTION = 'okr.cycles';

export interface CycleDocument {
  _id: string;
  tenantId: string;
  cycleId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: CycleStatus;
  plannedBy: string;
  plannedAt: string;
  startedAt: string | null;
  gradingStartedAt: string | null;
  closedAt: string | null;
  retrospectiveCount: number;
  [key: string]: unknown;
}

export const cycleDocumentId = (tenantId: string, cycleId: string) => `${tenantId}/${cycleId}`;

/** The tenant's cycles with their phase and dates. */
export const cyclesProjection = defineProjection({
  name: CYCLES_PROJECTION,
  version: 1,
  collections: { cycles: { indexes: [{ keys: { tenantId: 1, startsOn: 1 } }, { keys: { tenantId: 1, status: 1 } }] } },
  handles: CYCLE_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as CycleEvent;
    const cycles = write.collection<CycleDocument>('cycles');
    const id = cycleDocumentId(stored.tenantId, event.data.cycleId);
    switch (event.type) {
      case 'CyclePlanned': {
        const { cycleId, name, startsOn, endsOn, plannedBy, plannedAt } = event.data;
        return cycles.put(id, {
          tenantId: stored.tenantId,
          cycleId,
          name,
          startsOn,
          endsOn,
          status: 'planning',
          plannedBy,
          plannedAt,
          startedAt: null,
          gradingStartedAt: null,
          closedAt: null,
          retrospectiveCount: 0,
        });
      }
      case 'CycleStarted':
        return cycles.update(id, { $set: { status: 'running', startedAt: event.data.startedAt } });
      case 'CycleGradingStarted':
        return cycles.update(id, { $set: { status: 'grading', gradingStartedAt: event.data.startedAt } });
      case 'CycleClosed':
        return cycles.update(id, { $set: { status: 'closed', closedAt: event.data.closedAt } });
      case 'RetrospectiveRecorded':
        return cycles.update(id, { $inc: { retrospectiveCount: 1 } });
    }
  },
});
