import { isSealed, type SealedValue, type StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamEvent } from '@leerzone/governance-domain';

export const COACHING_PROJECTION = 'governance.coaching';

export interface CoachingTopicDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  topic: string;
  goal: string | null;
  plannedBy: string;
  plannedAt: string;
  sessionsHeld: number;
  [key: string]: unknown;
}

export interface CoachingSessionDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  sessionId: string;
  topics: string[];
  heldAt: string;
  coachId: string;
  attendeeIds: string[];
  /** The sealed notes as JSON text (the projection store refuses `$`-keys); never clear text. The query opens them. */
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
  [key: string]: unknown;
}

/**
 * Only a seal is kept: a version 1 event read without governance's upcasters (a rebuild by a
 * process that did not register them) still holds clear text, which must not reach the read model.
 */
export const storedNotes = (notes: unknown): string | null => (isSealed(notes) ? JSON.stringify(notes) : null);
export const sealedNotes = (notes: string | null): SealedValue | null => (notes ? (JSON.parse(notes) as SealedValue) : null);

const HANDLED = ['CoachingTopicPlanned', 'CoachingSessionHeld'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const coachingProjection = defineProjection({
  name: COACHING_PROJECTION,
  // 2: notes are kept sealed (version 1 kept them in clear text; rebuilding drops it). 3: `_id`s start with the tenant.
  version: 3,
  collections: {
    topics: { indexes: [{ keys: { tenantId: 1, teamId: 1, plannedAt: 1 } }] },
    sessions: { indexes: [{ keys: { tenantId: 1, teamId: 1, heldAt: 1 } }] },
  },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const tenantId = stored.tenantId;
    if (event.type === 'CoachingTopicPlanned') {
      const { teamId, topic, goal, plannedBy, plannedAt } = event.data;
      return write.collection('topics').put(`${tenantId}/${teamId}/${topic}`, { tenantId, teamId, topic, goal, plannedBy, plannedAt, sessionsHeld: 0 });
    }
    const { teamId, sessionId, topics, heldAt, coachId, attendeeIds, notes, recordedBy, recordedAt } = event.data;
    write.collection('sessions').put(`${tenantId}/${teamId}/${sessionId}`, { tenantId, teamId, sessionId, topics: [...topics], heldAt, coachId, attendeeIds: [...attendeeIds], notes: storedNotes(notes), recordedBy, recordedAt });
    // The decider de-duplicates topics, so each topic document is written once per event.
    for (const topic of topics) write.collection('topics').update(`${tenantId}/${teamId}/${topic}`, { $inc: { sessionsHeld: 1 } });
  },
});
