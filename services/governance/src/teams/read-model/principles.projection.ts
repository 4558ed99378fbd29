import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamEvent } from '@leerzone/governance-domain';

export const PRINCIPLES_PROJECTION = 'governance.principles';

export interface PrincipleDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  principleId: string;
  /** The concrete rule to live by … */
  rule: string;
  /** … and the value it expresses. */
  value: string;
  status: 'active' | 'retired';
  adoptedBy: string;
  adoptedAt: string;
  revisedAt: string | null;
  retiredAt: string | null;
  [key: string]: unknown;
}

const HANDLED = ['PrincipleAdopted', 'PrincipleRevised', 'PrincipleRetired'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const principlesProjection = defineProjection({
  name: PRINCIPLES_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: { principles: { indexes: [{ keys: { tenantId: 1, teamId: 1, adoptedAt: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const principles = write.collection('principles');
    const id = `${stored.tenantId}/${event.data.teamId}/${event.data.principleId}`;
    switch (event.type) {
      case 'PrincipleAdopted': {
        const { teamId, principleId, rule, value, adoptedBy, adoptedAt } = event.data;
        return principles.put(id, { tenantId: stored.tenantId, teamId, principleId, rule, value, status: 'active', adoptedBy, adoptedAt, revisedAt: null, retiredAt: null });
      }
      case 'PrincipleRevised':
        return principles.update(id, { $set: { rule: event.data.rule, value: event.data.value, revisedAt: event.data.revisedAt } });
      case 'PrincipleRetired':
        return principles.update(id, { $set: { status: 'retired', retiredAt: event.data.retiredAt } });
    }
  },
});
