import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamEvent } from '@leerzone/governance-domain';

export const ESCALATIONS_PROJECTION = 'governance.escalations';

/** The decision area escalated proposals count under: a boundary change is about the team's frame. */
export const BOUNDARY_AREA = 'boundaries';

/** One escalated decision or proposal: open until the layer above answers it. */
export interface EscalationDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  kind: 'decision' | 'proposal';
  /** The decision's or proposal's id. */
  subjectId: string;
  /** The decision area; `boundaries` for a proposal. */
  area: string;
  /** What was decided; null for a proposal (its change and proposer are on the proposal). */
  title: string | null;
  /** Who raised it: the decision's author; null for a proposal (see above). */
  raisedBy: string | null;
  escalatedAt: string;
  /** What put it outside: the mandate violations, or the objections. */
  why: { code?: string; memberId?: string; message: string }[];
  status: 'open' | 'approved' | 'declined';
  answer: { answer: 'approve' | 'decline'; by: string; at: string; answeredAs: string; reason: string } | null;
  [key: string]: unknown;
}

const HANDLED = ['DecisionEscalated', 'EscalatedDecisionApproved', 'EscalatedDecisionDeclined', 'BoundaryChangeEscalated', 'EscalatedBoundaryChangeApproved', 'EscalatedBoundaryChangeDeclined'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const escalationDocumentId = (tenantId: string, teamId: string, kind: 'decision' | 'proposal', id: string) => `${tenantId}/${teamId}/${kind}/${id}`;

/** Escalations and their answers, for the queries "what waits for me / for this unit" and "where do escalations repeat". */
export const escalationsProjection = defineProjection({
  name: ESCALATIONS_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: {
    escalations: { indexes: [{ keys: { tenantId: 1, status: 1, escalatedAt: 1 } }, { keys: { tenantId: 1, teamId: 1, area: 1 } }] },
  },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const tenantId = stored.tenantId;
    const escalations = write.collection('escalations');
    switch (event.type) {
      case 'DecisionEscalated': {
        const { teamId, decisionId, area, title, escalatedBy, escalatedAt, violations } = event.data;
        return escalations.put(escalationDocumentId(tenantId, teamId, 'decision', decisionId), {
          tenantId,
          teamId,
          kind: 'decision',
          subjectId: decisionId,
          area,
          title,
          raisedBy: escalatedBy,
          escalatedAt,
          why: violations.map((v) => ({ code: v.code, message: v.message })),
          status: 'open',
          answer: null,
        });
      }
      case 'BoundaryChangeEscalated': {
        const { teamId, proposalId, escalatedAt, objections } = event.data;
        return escalations.put(escalationDocumentId(tenantId, teamId, 'proposal', proposalId), {
          tenantId,
          teamId,
          kind: 'proposal',
          subjectId: proposalId,
          area: BOUNDARY_AREA,
          title: null,
          raisedBy: null,
          escalatedAt,
          why: objections.map((o) => ({ memberId: o.memberId, message: o.reason })),
          status: 'open',
          answer: null,
        });
      }
      case 'EscalatedDecisionApproved':
      case 'EscalatedDecisionDeclined':
      case 'EscalatedBoundaryChangeApproved':
      case 'EscalatedBoundaryChangeDeclined': {
        const approved = event.type === 'EscalatedDecisionApproved' || event.type === 'EscalatedBoundaryChangeApproved';
        const kind = event.type === 'EscalatedDecisionApproved' || event.type === 'EscalatedDecisionDeclined' ? 'decision' : 'proposal';
        const subjectId = 'decisionId' in event.data ? event.data.decisionId : event.data.proposalId;
        const by = 'approvedBy' in event.data ? event.data.approvedBy : event.data.declinedBy;
        const at = 'approvedAt' in event.data ? event.data.approvedAt : event.data.declinedAt;
        return escalations.update(escalationDocumentId(tenantId, event.data.teamId, kind, subjectId), {
          $set: { status: approved ? 'approved' : 'declined', answer: { answer: approved ? 'approve' : 'decline', by, at, answeredAs: event.data.answeredAs, reason: event.data.reason } },
        });
      }
    }
  },
});
