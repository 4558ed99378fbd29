import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { BoundaryChange, ProposalStatus, TeamEvent } from '@leerzone/governance-domain';

export const PROPOSALS_PROJECTION = 'governance.proposals';

export interface ProposalDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  proposalId: string;
  change: BoundaryChange;
  reason: string;
  closesAt: string;
  participantIds: string[];
  proposedBy: string;
  proposedAt: string;
  status: ProposalStatus;
  /**
   * How it ended: who closed or withdrew it, when, and the objections of an escalation;
   * `byDeadline` when the scheduler adopted it at its deadline; for an escalation that was
   * answered, `answer` (approve/decline, by whom, as what, when, why) is added beside.
   */
  outcome: {
    by: string;
    at: string;
    reason?: string;
    objections?: { memberId: string; reason: string }[];
    consentedIds?: string[];
    silentIds?: string[];
    byDeadline?: boolean;
  } | null;
  answer?: { answer: 'approve' | 'decline'; by: string; at: string; answeredAs: string; reason: string } | null;
  /** When it stopped being open (its last outcome or answer); null while open. */
  closedAt?: string | null;
  [key: string]: unknown;
}

/** A participant's latest response: consenting after objecting (or the reverse) replaces it. */
export interface ProposalResponseDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  proposalId: string;
  memberId: string;
  response: 'consent' | 'objection';
  reason: string | null;
  at: string;
  [key: string]: unknown;
}

const HANDLED = [
  'BoundaryChangeProposed',
  'BoundaryChangeConsented',
  'BoundaryChangeObjected',
  'BoundaryChangeAdopted',
  'BoundaryChangeEscalated',
  'BoundaryChangeWithdrawn',
  'BoundaryChangeLapsed',
  'BoundaryChangeAdoptedByDeadline',
  'EscalatedBoundaryChangeApproved',
  'EscalatedBoundaryChangeDeclined',
] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const proposalDocumentId = (tenantId: string, teamId: string, proposalId: string) => `${tenantId}/${teamId}/${proposalId}`;

export const proposalsProjection = defineProjection({
  name: PROPOSALS_PROJECTION,
  // 2: adoption by deadline, answered escalations, closedAt. 3: `_id`s start with the tenant.
  version: 3,
  collections: {
    proposals: { indexes: [{ keys: { tenantId: 1, teamId: 1, proposedAt: -1 } }, { keys: { status: 1, closesAt: 1 } }, { keys: { tenantId: 1, closedAt: 1 } }] },
    responses: { indexes: [{ keys: { tenantId: 1, teamId: 1, proposalId: 1 } }] },
  },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const { teamId, proposalId } = event.data;
    const tenantId = stored.tenantId;
    const id = proposalDocumentId(tenantId, teamId, proposalId);
    const proposals = write.collection('proposals');
    const responses = write.collection('responses');
    switch (event.type) {
      case 'BoundaryChangeProposed': {
        const { change, reason, closesAt, participantIds, proposedBy, proposedAt } = event.data;
        return proposals.put(id, { tenantId, teamId, proposalId, change, reason, closesAt, participantIds: [...participantIds], proposedBy, proposedAt, status: 'open', outcome: null, answer: null, closedAt: null });
      }
      case 'BoundaryChangeConsented':
        return responses.put(`${id}/${event.data.memberId}`, { tenantId, teamId, proposalId, memberId: event.data.memberId, response: 'consent', reason: null, at: event.data.consentedAt });
      case 'BoundaryChangeObjected':
        return responses.put(`${id}/${event.data.memberId}`, { tenantId, teamId, proposalId, memberId: event.data.memberId, response: 'objection', reason: event.data.reason, at: event.data.objectedAt });
      case 'BoundaryChangeAdopted': {
        const { adoptedBy, adoptedAt, consentedIds, silentIds } = event.data;
        return proposals.update(id, { $set: { status: 'adopted', outcome: { by: adoptedBy, at: adoptedAt, consentedIds, silentIds }, closedAt: adoptedAt } });
      }
      case 'BoundaryChangeAdoptedByDeadline': {
        const { adoptedBy, adoptedAt, consentedIds, silentIds } = event.data;
        return proposals.update(id, { $set: { status: 'adopted', outcome: { by: adoptedBy, at: adoptedAt, consentedIds, silentIds, byDeadline: true }, closedAt: adoptedAt } });
      }
      case 'EscalatedBoundaryChangeApproved': {
        const { approvedBy, approvedAt, answeredAs, reason } = event.data;
        return proposals.update(id, { $set: { status: 'approved', answer: { answer: 'approve', by: approvedBy, at: approvedAt, answeredAs, reason }, closedAt: approvedAt } });
      }
      case 'EscalatedBoundaryChangeDeclined': {
        const { declinedBy, declinedAt, answeredAs, reason } = event.data;
        return proposals.update(id, { $set: { status: 'declined', answer: { answer: 'decline', by: declinedBy, at: declinedAt, answeredAs, reason }, closedAt: declinedAt } });
      }
      case 'BoundaryChangeEscalated':
        return proposals.update(id, { $set: { status: 'escalated', outcome: { by: event.data.escalatedBy, at: event.data.escalatedAt, objections: event.data.objections }, closedAt: event.data.escalatedAt } });
      case 'BoundaryChangeWithdrawn':
        return proposals.update(id, { $set: { status: 'withdrawn', outcome: { by: event.data.withdrawnBy, at: event.data.withdrawnAt, reason: event.data.reason }, closedAt: event.data.withdrawnAt } });
      case 'BoundaryChangeLapsed':
        return proposals.update(id, { $set: { status: 'lapsed', outcome: { by: event.data.lapsedBy, at: event.data.lapsedAt, code: event.data.code, reason: event.data.message }, closedAt: event.data.lapsedAt } });
    }
  },
});
