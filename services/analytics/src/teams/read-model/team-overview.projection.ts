import { TEAM_FACT_TYPES, UNIT_FACT_TYPES, readTeamFact, readUnitFact, type TeamRecord, type UnitRecord } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';
import { documentId, refOf } from '../../shared/event-ref';

export const TEAM_OVERVIEW_PROJECTION = 'analytics.team-overview';

export type TeamDocument = TeamRecord & { _id: string; [key: string]: unknown };
export type UnitDocument = UnitRecord & { _id: string; [key: string]: unknown };
/** @deprecated the first name of a team's document; every team document is a `TeamDocument`. */
export type TeamOverviewDocument = TeamDocument;

/** `<tenant>/<team>`: a team id belongs to one tenant, and the key says so. */
export const teamOverviewId = documentId;

/**
 * One document per team (from its team stream) and one per unit (from its organisation's
 * stream), fed over the bus from governance. Each document is written by one stream only and
 * never deleted: what a projection fed over a partitioned topic needs to stay exact (see
 * BusProjection). Histories (phases, delegation and boundary changes, escalations) are kept
 * with each entry's event id, so signals can cite them.
 */
export const teamOverviewProjection = defineProjection({
  name: TEAM_OVERVIEW_PROJECTION,
  version: 3,
  collections: {
    teams: { indexes: [{ keys: { tenantId: 1, name: 1 } }, { keys: { tenantId: 1, phase: 1 } }, { keys: { tenantId: 1, unitId: 1 } }] },
    units: { indexes: [{ keys: { tenantId: 1, organisationId: 1 } }] },
  },
  handles: [...TEAM_FACT_TYPES, ...UNIT_FACT_TYPES],
  apply(event, write) {
    const { tenantId, occurredAt } = event;
    const ref = refOf(event);
    const unit = readUnitFact(event);
    if (unit) {
      const units = write.collection<UnitDocument>('units');
      switch (unit.type) {
        case 'OrganisationCreated':
          return;
        case 'UnitAdded':
          return units.put(documentId(tenantId, unit.unitId), { tenantId, organisationId: unit.organisationId, unitId: unit.unitId, name: unit.name, parentUnitId: unit.parentUnitId });
        case 'UnitRenamed':
          return units.update(documentId(tenantId, unit.unitId), { $set: { name: unit.name } });
        case 'UnitMoved':
          return units.update(documentId(tenantId, unit.unitId), { $set: { parentUnitId: unit.parentUnitId } });
      }
    }
    const fact = readTeamFact(event);
    if (!fact) return;
    const teams = write.collection<TeamDocument>('teams');
    const id = documentId(tenantId, fact.teamId);
    const touch = { lastActivityAt: occurredAt };
    switch (fact.type) {
      case 'TeamCreated':
        return teams.put(id, {
          tenantId,
          teamId: fact.teamId,
          name: fact.name,
          unitId: fact.unitId,
          phase: 'preparing',
          phaseSince: fact.createdAt,
          phaseHistory: [{ phase: 'preparing', since: fact.createdAt, ...ref }],
          memberCount: 0,
          yesMemberIds: [],
          delegation: {},
          delegationChanges: [],
          boundaryCount: 0,
          boundaryChanges: [],
          decisionsRecorded: 0,
          decisionsEscalated: 0,
          decisionsApproved: 0,
          decisionsRefused: 0,
          decisionsByArea: {},
          escalations: [],
          createdAt: fact.createdAt,
          lastActivityAt: occurredAt,
        });
      case 'TeamRenamed':
        return teams.update(id, { $set: { name: fact.name, ...touch } });
      case 'TeamMovedToUnit':
        return teams.update(id, { $set: { unitId: fact.unitId, ...touch } });
      case 'TeamPhaseChanged':
        return teams.update(id, { $set: { phase: fact.phase, phaseSince: fact.changedAt, ...touch }, $push: { phaseHistory: { phase: fact.phase, since: fact.changedAt, ...ref } } });
      case 'MemberAdded':
        return teams.update(id, { $inc: { memberCount: 1 }, $set: touch });
      case 'MemberRemoved':
        // Their yes ends with the membership (docs/governance-events.md).
        return teams.update(id, { $inc: { memberCount: -1 }, $pull: { yesMemberIds: fact.memberId }, $set: touch });
      case 'YesGiven':
        return teams.update(id, { $addToSet: { yesMemberIds: fact.memberId }, $set: touch });
      case 'YesWithdrawn':
        return teams.update(id, { $pull: { yesMemberIds: fact.memberId }, $set: touch });
      case 'DelegationLevelChanged':
        return teams.update(id, {
          $set: { [`delegation.${fact.area}`]: fact.level, ...touch },
          $push: { delegationChanges: { ...ref, area: fact.area, from: fact.previousLevel, to: fact.level, at: fact.changedAt } },
        });
      case 'TeamBoundarySet':
        return teams.update(id, {
          $inc: { boundaryCount: fact.added ? 1 : 0 },
          $push: { boundaryChanges: { ...ref, boundaryId: fact.boundaryId, kind: fact.kind, change: 'set', effect: fact.effect, at: fact.setAt } },
          $set: touch,
        });
      case 'TeamBoundaryRemoved':
        return teams.update(id, {
          $inc: { boundaryCount: -1 },
          $push: { boundaryChanges: { ...ref, boundaryId: fact.boundaryId, kind: fact.kind, change: 'removed', effect: fact.effect, at: fact.removedAt } },
          $set: touch,
        });
      case 'DecisionRecorded':
        return teams.update(id, { $inc: { decisionsRecorded: 1, [`decisionsByArea.${fact.area}.recorded`]: 1 }, $set: touch });
      case 'DecisionEscalated':
        return teams.update(id, {
          $inc: { decisionsEscalated: 1, [`decisionsByArea.${fact.area}.escalated`]: 1 },
          $push: { escalations: { ...ref, decisionId: fact.decisionId, area: fact.area, at: fact.at } },
          $set: touch,
        });
      case 'EscalatedDecisionApproved':
        return teams.update(id, { $inc: { decisionsApproved: 1, [`decisionsByArea.${fact.area}.approved`]: 1 }, $set: touch });
      case 'EscalatedDecisionDeclined':
        return teams.update(id, { $inc: { decisionsRefused: 1, [`decisionsByArea.${fact.area}.refused`]: 1 }, $set: touch });
    }
  },
});
