import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { DelegationLevel, TeamEvent } from '@leerzone/governance-domain';

export const DELEGATION_BOARD_PROJECTION = 'governance.delegation-board';

/**
 * One per area a team added or set a level for. The standard areas exist on every board
 * without an event; queries merge them in (see delegation-board queries).
 */
export interface DecisionAreaDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  area: string;
  /** Only for areas the team added. */
  title?: string;
  custom?: boolean;
  addedAt?: string;
  level?: DelegationLevel;
  levelSetAt?: string;
  levelSetBy?: string;
  levelReason?: string;
  reviewBy?: string | null;
  order: number;
  [key: string]: unknown;
}

const HANDLED = ['DecisionAreaAdded', 'DelegationLevelChanged'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const delegationBoardProjection = defineProjection({
  name: DELEGATION_BOARD_PROJECTION,
  // 2: review dates (DelegationLevelChanged v2). 3: `_id`s start with the tenant.
  version: 3,
  collections: { areas: { indexes: [{ keys: { tenantId: 1, teamId: 1, order: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const { teamId, area } = event.data;
    const base = { tenantId: stored.tenantId, teamId, area };
    const onInsert = { $setOnInsert: { order: stored.globalPosition } };
    const areas = write.collection('areas');
    if (event.type === 'DecisionAreaAdded') {
      return areas.upsert(`${stored.tenantId}/${teamId}/${area}`, { $set: { ...base, title: event.data.title, custom: true, addedAt: event.data.addedAt }, ...onInsert });
    }
    const { level, changedAt, changedBy, reason, reviewBy } = event.data;
    areas.upsert(`${stored.tenantId}/${teamId}/${area}`, { $set: { ...base, level, levelSetAt: changedAt, levelSetBy: changedBy, levelReason: reason, reviewBy }, ...onInsert });
  },
});
