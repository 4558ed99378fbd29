import { OKR_FACT_TYPES, readOkrFact, type CycleRecord, type ObjectiveRecord } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';
import { documentId, refOf } from '../../shared/event-ref';

export const OBJECTIVES_PROJECTION = 'analytics.objectives';

export type ObjectiveDocument = ObjectiveRecord & { _id: string; [key: string]: unknown };
export type CycleDocument = CycleRecord & { _id: string; [key: string]: unknown };

/**
 * One document per objective (from its objective stream) and one per cycle, fed over the bus
 * from OKR: owner, commitment, each key result's weight, latest check-in status, attainment and
 * confidence, and the grades. No titles, comments or blockers.
 */
export const objectivesProjection = defineProjection({
  name: OBJECTIVES_PROJECTION,
  version: 1,
  collections: {
    objectives: { indexes: [{ keys: { tenantId: 1, teamId: 1 } }, { keys: { tenantId: 1, cycleId: 1 } }] },
    cycles: { indexes: [{ keys: { tenantId: 1, startsOn: 1 } }] },
  },
  handles: OKR_FACT_TYPES,
  apply(event, write) {
    const fact = readOkrFact(event);
    if (!fact) return;
    const { tenantId } = event;
    const cycles = write.collection<CycleDocument>('cycles');
    const objectives = write.collection<ObjectiveDocument>('objectives');
    switch (fact.type) {
      case 'CyclePlanned':
        return cycles.put(documentId(tenantId, fact.cycleId), { tenantId, cycleId: fact.cycleId, name: fact.name, startsOn: fact.startsOn, endsOn: fact.endsOn, phase: 'planning' });
      case 'CycleStarted':
      case 'CycleGradingStarted':
      case 'CycleClosed':
        return cycles.update(documentId(tenantId, fact.cycleId), { $set: { phase: fact.phase } });
      case 'ObjectiveDefined':
        return objectives.put(documentId(tenantId, fact.objectiveId), {
          tenantId,
          objectiveId: fact.objectiveId,
          cycleId: fact.cycleId,
          owner: fact.owner,
          teamId: fact.owner.kind === 'team' ? fact.owner.id : null,
          commitment: fact.commitment,
          committed: false,
          keyResults: {},
          grade: null,
          definedAt: fact.definedAt,
        });
      case 'ObjectiveRevised':
        return objectives.update(documentId(tenantId, fact.objectiveId), { $set: { commitment: fact.commitment } });
      case 'ObjectiveCommittedToCycle':
        return objectives.update(documentId(tenantId, fact.objectiveId), { $set: { committed: true } });
      case 'KeyResultAdded':
        return objectives.update(documentId(tenantId, fact.objectiveId), {
          $set: {
            [`keyResults.${fact.keyResultId}`]: { weight: fact.weight, removed: false, status: null, attainment: null, confidence: null, checkIns: 0, lastCheckInAt: null, score: null, goalpostMoved: false },
          },
        });
      case 'KeyResultRemoved':
        return objectives.update(documentId(tenantId, fact.objectiveId), { $set: { [`keyResults.${fact.keyResultId}.removed`]: true } });
      case 'KeyResultCheckedIn': {
        const kr = `keyResults.${fact.keyResultId}`;
        return objectives.update(documentId(tenantId, fact.objectiveId), {
          $set: { [`${kr}.status`]: fact.status, [`${kr}.attainment`]: fact.attainment, [`${kr}.confidence`]: fact.confidence, [`${kr}.lastCheckInAt`]: fact.checkedInAt },
          $inc: { [`${kr}.checkIns`]: 1 },
        });
      }
      case 'KeyResultGraded': {
        const kr = `keyResults.${fact.keyResultId}`;
        return objectives.update(documentId(tenantId, fact.objectiveId), { $set: { [`${kr}.score`]: fact.score, [`${kr}.goalpostMoved`]: fact.goalpostMoved } });
      }
      case 'ObjectiveGraded':
        return objectives.update(documentId(tenantId, fact.objectiveId), {
          $set: { commitment: fact.commitment, grade: { ...refOf(event), score: fact.score, achieved: fact.achieved, cycleEndsOn: fact.cycleEndsOn, gradedAt: fact.gradedAt } },
        });
    }
  },
});
