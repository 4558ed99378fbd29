import { ASSESSMENT_FACT_TYPES, readAssessmentFact, type AssessmentSettingsRecord, type RoundRecord } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';
import { documentId, refOf } from '../../shared/event-ref';

export const ROUNDS_PROJECTION = 'analytics.rounds';

export type RoundDocument = RoundRecord & { _id: string; [key: string]: unknown };
export type SettingsDocument = AssessmentSettingsRecord & { _id: string; [key: string]: unknown };

/**
 * One document per survey round (from its round stream) and one per tenant's settings, fed
 * over the bus from assessment. Assessment publishes no participation and no answer; a round
 * keeps its group's size, its frozen threshold and, once closed with results, the team-level
 * means and respondent counts — nothing that names or singles out a respondent.
 */
export const roundsProjection = defineProjection({
  name: ROUNDS_PROJECTION,
  version: 1,
  collections: {
    rounds: { indexes: [{ keys: { tenantId: 1, teamId: 1, closedAt: 1 } }, { keys: { tenantId: 1, closedAt: 1 } }] },
    settings: {},
  },
  handles: ASSESSMENT_FACT_TYPES,
  apply(event, write) {
    const fact = readAssessmentFact(event);
    if (!fact) return;
    const { tenantId } = event;
    const rounds = write.collection<RoundDocument>('rounds');
    switch (fact.type) {
      case 'RoundOpened':
        return rounds.put(documentId(tenantId, fact.roundId), {
          tenantId,
          roundId: fact.roundId,
          teamId: fact.teamId,
          instrumentIds: fact.instrumentIds,
          groupSize: fact.groupSize,
          threshold: fact.threshold,
          openedAt: fact.openedAt,
          state: 'open',
          closedAt: null,
          outcome: null,
          closed: null,
          results: [],
          zone: null,
          zoneChange: null,
        });
      case 'AnonymityThresholdChanged':
        return rounds.update(documentId(tenantId, fact.roundId), { $set: { threshold: fact.threshold } });
      case 'RespondentsAdded':
        return rounds.update(documentId(tenantId, fact.roundId), { $inc: { groupSize: fact.added } });
      case 'RoundClosed':
        return rounds.update(documentId(tenantId, fact.roundId), {
          $set: { state: 'closed', closedAt: fact.closedAt, outcome: fact.outcome, closed: refOf(event), results: fact.results, zone: fact.zone },
        });
      case 'TeamZoneChanged':
        return rounds.update(documentId(tenantId, fact.roundId), { $set: { zoneChange: { ...refOf(event), from: fact.from, to: fact.to, at: fact.changedAt } } });
      case 'AssessmentSettingsChanged':
        return write.collection<SettingsDocument>('settings').put(tenantId, { tenantId, anonymityThreshold: fact.anonymityThreshold });
    }
  },
});
