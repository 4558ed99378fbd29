import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { InstrumentDefinition, InstrumentEvent } from '@leerzone/assessment-domain';

export const TENANT_INSTRUMENTS_PROJECTION = 'assessment.tenant-instruments';

/** A tenant's own instrument with every version it ever had (rounds keep their own copy too). */
export interface TenantInstrumentDocument {
  _id: string;
  tenantId: string;
  instrumentId: string;
  title: string;
  latestVersion: number;
  versions: InstrumentDefinition[];
  definedBy: string;
  definedAt: string;
  retiredAt: string | null;
  retiredReason: string | null;
  [key: string]: unknown;
}

export const tenantInstrumentId = (tenantId: string, instrumentId: string) => `${tenantId}/${instrumentId}`;

export const tenantInstrumentsProjection = defineProjection({
  name: TENANT_INSTRUMENTS_PROJECTION,
  version: 1,
  collections: { instruments: { indexes: [{ keys: { tenantId: 1, instrumentId: 1 } }] } },
  handles: ['InstrumentDefined', 'InstrumentRevised', 'InstrumentRetired'],
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as InstrumentEvent;
    const instruments = write.collection<TenantInstrumentDocument>('instruments');
    const id = tenantInstrumentId(stored.tenantId, event.data.instrumentId);
    switch (event.type) {
      case 'InstrumentDefined': {
        const { instrumentId, definition, definedBy, definedAt } = event.data;
        return instruments.put(id, {
          tenantId: stored.tenantId,
          instrumentId,
          title: definition.title,
          latestVersion: definition.version,
          versions: [definition],
          definedBy,
          definedAt,
          retiredAt: null,
          retiredReason: null,
        });
      }
      case 'InstrumentRevised':
        return instruments.update(id, { $set: { title: event.data.definition.title, latestVersion: event.data.definition.version }, $push: { versions: event.data.definition } });
      case 'InstrumentRetired':
        return instruments.update(id, { $set: { retiredAt: event.data.retiredAt, retiredReason: event.data.reason } });
    }
  },
});
