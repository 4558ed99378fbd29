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
  status: 'recorded' | 'escalated';
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
  [key: string]: unknown;
}

const HANDLED = ['DecisionRecorded', 'DecisionEscalated'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const decisionDocumentId = (teamId: string, decisionId: string) => `${teamId}/${decisionId}`;

export const decisionsProjection = defineProjection({
  name: DECISIONS_PROJECTION,
  version: 1,
  collections: { decisions: { indexes: [{ keys: { tenantId: 1, teamId: 1, at: -1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const { teamId, decisionId, area, title, actedUnderLevel, rationale, optionsConsidered, amount, mandate } = event.data;
    const common = { tenantId: stored.tenantId, teamId, decisionId, area, title, actedUnderLevel, rationale, optionsConsidered: [...optionsConsidered], amount, mandate };
    write.collection('decisions').put(
      decisionDocumentId(teamId, decisionId),
      event.type === 'DecisionRecorded'
        ? { ...common, status: 'recorded', violations: [], by: event.data.decidedBy, at: event.data.decidedAt }
        : { ...common, status: 'escalated', violations: [...event.data.violations], by: event.data.escalatedBy, at: event.data.escalatedAt },
    );
  },
});
