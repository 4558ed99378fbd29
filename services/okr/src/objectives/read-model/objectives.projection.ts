import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { CheckInState, Commitment, GoalpostField, KeyResultDefinition, KeyResultGraded, ObjectiveEvent, ObjectiveLevel, ObjectiveOwner } from '@leerzone/okr-domain';
import { OBJECTIVE_EVENT_TYPES } from '@leerzone/okr-domain';

export const OBJECTIVES_PROJECTION = 'okr.objectives';

export interface ObjectiveDocument {
  _id: string;
  tenantId: string;
  objectiveId: string;
  cycleId: string;
  level: ObjectiveLevel;
  owner: ObjectiveOwner;
  ownerKind: ObjectiveOwner['kind'];
  ownerId: string;
  title: string;
  description: string | null;
  commitment: Commitment;
  carriedForwardFrom: { objectiveId: string; cycleId: string; score: number | null } | null;
  carriedForwardTo: { objectiveId: string; cycleId: string }[];
  definedBy: string;
  definedAt: string;
  committedAt: string | null;
  /** The event that committed it: what the silence signal points at before the first check-in. */
  committedEventId: string | null;
  alignment: { parentObjectiveId: string; parentOwner: ObjectiveOwner; status: 'proposed' | 'accepted' | 'declined' } | null;
  contributesTo: string[];
  lastCheckIn: { eventId: string; checkedInAt: string } | null;
  graded: boolean;
  grade: { score: number; band: string; achieved: boolean; gradedAt: string } | null;
  review: 'open' | 'closed' | null;
  order: number;
  [key: string]: unknown;
}

export interface GoalpostMoveDocument {
  previous: KeyResultDefinition;
  definition: KeyResultDefinition;
  changed: GoalpostField[];
  movedBy: string;
  movedAt: string;
  reason: string;
}

export interface KeyResultDocument {
  _id: string;
  tenantId: string;
  objectiveId: string;
  keyResultId: string;
  definition: KeyResultDefinition;
  /** Every goalpost move while the cycle ran; the first one's `previous` is the original definition. */
  moves: GoalpostMoveDocument[];
  removed: boolean;
  latestCheckIn: CheckInState | null;
  checkInCount: number;
  order: number;
  [key: string]: unknown;
}

/** One document per KeyResultGraded event, as the signals read them (with the ids that name the facts). */
export interface GradedKeyResultDocument {
  _id: string;
  tenantId: string;
  eventId: string;
  streamId: string;
  type: 'KeyResultGraded';
  cycleId: string;
  data: KeyResultGraded['data'];
  [key: string]: unknown;
}

export const objectiveDocumentId = (tenantId: string, objectiveId: string) => `${tenantId}/${objectiveId}`;
export const keyResultDocumentId = (tenantId: string, objectiveId: string, keyResultId: string) => `${tenantId}/${objectiveId}/${keyResultId}`;

/** The original definition of a key result: before its first goalpost move, or the current one when none moved. */
export const originalDefinition = (kr: Pick<KeyResultDocument, 'definition' | 'moves'>): KeyResultDefinition => kr.moves[0]?.previous ?? kr.definition;

/**
 * Objectives with their key results' latest state, per tenant: what lists, the alignment
 * tree, the overdue query, closing a cycle and the signals read. Each document is written
 * by the events of one objective stream only.
 */
export const objectivesProjection = defineProjection({
  name: OBJECTIVES_PROJECTION,
  version: 1,
  collections: {
    objectives: { indexes: [{ keys: { tenantId: 1, cycleId: 1, order: 1 } }, { keys: { tenantId: 1, ownerId: 1, order: 1 } }] },
    keyResults: { indexes: [{ keys: { tenantId: 1, objectiveId: 1, order: 1 } }] },
    graded: { indexes: [{ keys: { tenantId: 1, cycleId: 1 } }] },
  },
  handles: OBJECTIVE_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as ObjectiveEvent;
    const tenantId = stored.tenantId;
    const objectives = write.collection<ObjectiveDocument>('objectives');
    const keyResults = write.collection<KeyResultDocument>('keyResults');
    const objectiveId = objectiveDocumentId(tenantId, event.data.objectiveId);
    const kr = (keyResultId: string) => keyResultDocumentId(tenantId, event.data.objectiveId, keyResultId);
    switch (event.type) {
      case 'ObjectiveDefined': {
        const d = event.data;
        return objectives.put(objectiveId, {
          tenantId,
          objectiveId: d.objectiveId,
          cycleId: d.cycleId,
          level: d.level,
          owner: d.owner,
          ownerKind: d.owner.kind,
          ownerId: d.owner.id,
          title: d.title,
          description: d.description,
          commitment: d.commitment,
          carriedForwardFrom: d.carriedForwardFrom,
          carriedForwardTo: [],
          definedBy: d.definedBy,
          definedAt: d.definedAt,
          committedAt: null,
          committedEventId: null,
          alignment: null,
          contributesTo: [],
          lastCheckIn: null,
          graded: false,
          grade: null,
          review: null,
          order: stored.globalPosition,
        });
      }
      case 'ObjectiveRevised':
        return objectives.update(objectiveId, { $set: { title: event.data.title, description: event.data.description, commitment: event.data.commitment } });
      case 'ObjectiveCommittedToCycle':
        return objectives.update(objectiveId, { $set: { committedAt: event.data.committedAt, committedEventId: stored.eventId } });
      case 'KeyResultAdded':
        return keyResults.put(kr(event.data.keyResultId), {
          tenantId,
          objectiveId: event.data.objectiveId,
          keyResultId: event.data.keyResultId,
          definition: event.data.definition,
          moves: [],
          removed: false,
          latestCheckIn: null,
          checkInCount: 0,
          order: stored.globalPosition,
        });
      case 'KeyResultRedefined':
        return keyResults.update(kr(event.data.keyResultId), { $set: { definition: event.data.definition } });
      case 'KeyResultGoalpostMoved': {
        const { previous, definition, changed, movedBy, movedAt, reason } = event.data;
        return keyResults.update(kr(event.data.keyResultId), { $set: { definition }, $push: { moves: { previous, definition, changed: [...changed], movedBy, movedAt, reason } } });
      }
      case 'KeyResultRemoved':
        return keyResults.update(kr(event.data.keyResultId), { $set: { removed: true } });
      case 'AlignmentProposed':
        return objectives.update(objectiveId, { $set: { alignment: { parentObjectiveId: event.data.parentObjectiveId, parentOwner: event.data.parentOwner, status: 'proposed' } } });
      case 'AlignmentAccepted':
        return objectives.update(objectiveId, { $set: { 'alignment.status': 'accepted' } });
      case 'AlignmentDeclined':
        return objectives.update(objectiveId, { $set: { 'alignment.status': 'declined' } });
      case 'ContributionsSet':
        return objectives.update(objectiveId, { $set: { contributesTo: [...event.data.objectiveIds] } });
      case 'KeyResultCheckedIn': {
        const { checkInId, value, confidence, status, checkedInBy, checkedInAt } = event.data;
        keyResults.update(kr(event.data.keyResultId), { $set: { latestCheckIn: { checkInId, value, confidence, status, checkedInBy, checkedInAt } }, $inc: { checkInCount: 1 } });
        return objectives.update(objectiveId, { $set: { lastCheckIn: { eventId: stored.eventId, checkedInAt } } });
      }
      case 'KeyResultGraded':
        return write.collection<GradedKeyResultDocument>('graded').put(`${tenantId}/${stored.eventId}`, {
          tenantId,
          eventId: stored.eventId,
          streamId: stored.streamId,
          type: 'KeyResultGraded',
          cycleId: event.data.cycleId,
          data: event.data,
        });
      case 'ObjectiveGraded': {
        const { score, band, achieved, gradedAt } = event.data;
        return objectives.update(objectiveId, { $set: { graded: true, grade: { score, band, achieved, gradedAt } } });
      }
      case 'BlockersReviewOpened':
        return objectives.update(objectiveId, { $set: { review: 'open' } });
      case 'BlockersReviewClosed':
        return objectives.update(objectiveId, { $set: { review: 'closed' } });
      case 'ObjectiveCarriedForward':
        return objectives.update(objectiveId, { $push: { carriedForwardTo: { objectiveId: event.data.toObjectiveId, cycleId: event.data.toCycleId } } });
      case 'BlockerResolved':
      case 'BlockersReviewFindingRecorded':
        return;
    }
  },
});
