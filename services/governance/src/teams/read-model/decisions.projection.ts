import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { Mandate, MandateViolation, Money, TeamEvent } from '@leerzone/governance-domain';

export const DECISIONS_PROJECTION = 'governance.decisions';

/** A decision with the mandate it was checked against: recorded within it, or escalated with the violations. */
export interface DecisionDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  decisionId: string;
  /** approved/declined: an escalation answered by the layer above (see `answer`). */
  status: 'recorded' | 'escalated' | 'approved' | 'declined';
  area: string;
  title: string;
  actedUnderLevel: number;
  rationale: string;
  optionsConsidered: string[];
  amount: Money | null;
  mandate: Mandate;
  violations: MandateViolation[];
  /** decidedBy/At for a recorded decision, escalatedBy/At for an escalated one. */
  by: string;
  at: string;
  /** The answer to an escalation: the approval that widened the mandate for this decision, or the decline and why. */
  answer?: { answer: 'approve' | 'decline'; by: string; at: string; answeredAs: string; reason: string } | null;
  [key: string]: unknown;
}

const HANDLED = ['DecisionRecorded', 'DecisionEscalated', 'EscalatedDecisionApproved', 'EscalatedDecisionDeclined'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const decisionDocumentId = (tenantId: string, teamId: string, decisionId: string) => `${tenantId}/${teamId}/${decisionId}`;

export const decisionsProjection = defineProjection({
  name: DECISIONS_PROJECTION,
  // 2: answered escalations. 3: `_id`s start with the tenant.
  version: 3,
  collections: { decisions: { indexes: [{ keys: { tenantId: 1, teamId: 1, at: -1 } }, { keys: { tenantId: 1, at: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    if (event.type === 'EscalatedDecisionApproved' || event.type === 'EscalatedDecisionDeclined') {
      const approved = event.type === 'EscalatedDecisionApproved';
      const by = approved ? event.data.approvedBy : event.data.declinedBy;
      const at = approved ? event.data.approvedAt : event.data.declinedAt;
      write.collection('decisions').update(decisionDocumentId(stored.tenantId, event.data.teamId, event.data.decisionId), {
        $set: { status: approved ? 'approved' : 'declined', answer: { answer: approved ? 'approve' : 'decline', by, at, answeredAs: event.data.answeredAs, reason: event.data.reason } },
      });
      return;
    }
    const { teamId, decisionId, area, title, actedUnderLevel, rationale, optionsConsidered, amount, mandate } = event.data;
    const common = { tenantId: stored.tenantId, teamId, decisionId, area, title, actedUnderLevel, rationale, optionsConsidered: [...optionsConsidered], amount, mandate };
    write.collection('decisions').put(
      decisionDocumentId(stored.tenantId, teamId, decisionId),
      event.type === 'DecisionRecorded'
        ? { ...common, status: 'recorded', violations: [], by: event.data.decidedBy, at: event.data.decidedAt, answer: null }
        : { ...common, status: 'escalated', violations: [...event.data.violations], by: event.data.escalatedBy, at: event.data.escalatedAt, answer: null },
    );
  },
});
