import type { ProposalView } from '@leerzone/governance-domain';
import type { ProposalDocument, ProposalResponseDocument } from '../read-model/proposals.projection';

/** A proposal in the domain's ProposalView shape, plus how it ended and, for an escalation, the answer of the layer above. */
export function proposalView(
  proposal: ProposalDocument,
  responses: readonly ProposalResponseDocument[],
): ProposalView & { outcome: ProposalDocument['outcome']; answer: NonNullable<ProposalDocument['answer']> | null; closedAt: string | null } {
  const { proposalId, change, reason, closesAt, status, proposedBy, proposedAt, participantIds, outcome } = proposal;
  return {
    proposalId,
    change,
    reason,
    closesAt,
    status,
    proposedBy,
    proposedAt,
    participantIds,
    responses: responses.filter((r) => r.proposalId === proposalId).map(({ memberId, response, reason: why, at }) => ({ memberId, response, reason: why, at })),
    outcome,
    answer: proposal.answer ?? null,
    closedAt: proposal.closedAt ?? null,
  };
}
