import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { RoundEvent, RoundOutcome, ZonePlacement } from '@leerzone/assessment-domain';

export const ROUNDS_PROJECTION = 'assessment.rounds';

/**
 * One round, for listing a team's rounds, finding its last closed one and the scheduler.
 * Deliberately without respondent ids, counts, slots or answers: an open round's progress
 * is computed from its stream, and only from the threshold up.
 */
export interface RoundDocument {
  _id: string;
  tenantId: string;
  roundId: string;
  teamId: string;
  status: 'open' | 'closed';
  instruments: Array<{ instrumentId: string; version: number; title: string }>;
  groupSize: number;
  anonymityThreshold: number;
  openedBy: string;
  openedAt: string;
  closesAt: string | null;
  previousRoundId: string | null;
  closedBy: string | null;
  closedAt: string | null;
  outcome: RoundOutcome | null;
  zone: ZonePlacement | null;
  [key: string]: unknown;
}

export const roundDocumentId = (tenantId: string, roundId: string) => `${tenantId}/${roundId}`;

const HANDLED = ['RoundOpened', 'AnonymityThresholdChanged', 'RespondentsAdded', 'RoundClosed'] as const;
type Handled = Extract<RoundEvent, { type: (typeof HANDLED)[number] }>;

export const roundsProjection = defineProjection({
  name: ROUNDS_PROJECTION,
  version: 1,
  collections: {
    rounds: { indexes: [{ keys: { tenantId: 1, teamId: 1, openedAt: -1 } }, { keys: { status: 1, closesAt: 1 } }] },
  },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const rounds = write.collection<RoundDocument>('rounds');
    const id = roundDocumentId(stored.tenantId, event.data.roundId);
    switch (event.type) {
      case 'RoundOpened': {
        const d = event.data;
        return rounds.put(id, {
          tenantId: stored.tenantId,
          roundId: d.roundId,
          teamId: d.teamId,
          status: 'open',
          instruments: d.instruments.map((i) => ({ instrumentId: i.instrumentId, version: i.version, title: i.title })),
          groupSize: d.respondentIds.length,
          anonymityThreshold: d.anonymityThreshold,
          openedBy: d.openedBy,
          openedAt: d.openedAt,
          closesAt: d.closesAt,
          previousRoundId: d.previousRoundId,
          closedBy: null,
          closedAt: null,
          outcome: null,
          zone: null,
        });
      }
      case 'AnonymityThresholdChanged':
        return rounds.update(id, { $set: { anonymityThreshold: event.data.threshold } });
      case 'RespondentsAdded':
        return rounds.update(id, { $inc: { groupSize: event.data.memberIds.length } });
      case 'RoundClosed':
        return rounds.update(id, { $set: { status: 'closed', closedBy: event.data.closedBy, closedAt: event.data.closedAt, outcome: event.data.outcome, zone: event.data.zone } });
    }
  },
});
