import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { Mandate, MandateViolation } from './mandate.model';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, BRAM, COACH, decisionEscalated, financial, levelChanged, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const LEAD = 'user-lead';
const mandate: Mandate = { area: 'budget-spend', boardLevel: 7, boardLevelSetAt: T0, financialLimits: [], ruleBoundaryIds: [] };
const violations: MandateViolation[] = [{ code: 'DECISION.NO_BUDGET', field: 'amount', boundaryId: null, message: 'No budget.' }];

const escalatedDecision = decisionEscalated(mandate, violations);
const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, reason: 'more room', closesAt: '2026-01-10T09:00:00.000Z', participantIds: [ANNA, BRAM], proposedBy: ANNA, proposedAt: T0 },
};
const objected: TeamEvent = { type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, objectedBy: BRAM, objectedAt: T0, reason: 'too much' } };
const escalatedProposal: TeamEvent = { type: 'BoundaryChangeEscalated', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], escalatedBy: COACH, escalatedAt: '2026-01-10T09:00:00.000Z' } };
const withDecision = [...staffedTeam, levelChanged('budget-spend', 7), escalatedDecision];
const withProposal = [...staffedTeam, boundarySet(financial('t-budget', 2500)), proposed, objected, escalatedProposal];

const answer = (kind: 'decision' | 'proposal', answerIs: 'approve' | 'decline', answeredAs = 'team-coach', extra: Record<string, unknown> = {}) =>
  ({
    type: 'AnswerEscalation',
    data: { teamId: TEAM, escalation: { kind, id: kind === 'decision' ? 'd-1' : 'p-1' }, answer: answerIs, answeredAs, unitContactIds: [LEAD], unitBoundaries: unitFrame, ...extra },
  }) as never;

describe('AnswerEscalation: an escalated decision', () => {
  it('approved by a coach of the team: recorded, tied to the mandate and to the approval that widened it', () => {
    spec
      .given(withDecision)
      .when(answer('decision', 'approve'), because('the laptops cannot wait'))
      .then([
        {
          type: 'EscalatedDecisionApproved',
          data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', amount: { amount: 1800, currency: 'EUR' }, mandate, violations, answeredAs: 'team-coach', approvedBy: COACH, approvedAt: now, reason: 'the laptops cannot wait' },
        },
      ]);
  });

  it('declined by the unit’s escalation contact, with why', () => {
    spec
      .given(withDecision)
      .when(answer('decision', 'decline', 'unit-contact'), because('IT provides laptops', LEAD))
      .then([{ type: 'EscalatedDecisionDeclined', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', answeredAs: 'unit-contact', declinedBy: LEAD, declinedAt: now, reason: 'IT provides laptops' } }]);
  });

  it('an approved decision counts against the period’s budget; a declined one does not', () => {
    const monthly = [teamCreated0(), levelChanged('budget-spend', 7), boundarySet(financial('t-month', 2000, 'month'))];
    const decide = { type: 'RecordDecision', data: { teamId: TEAM, decisionId: 'd-2', area: 'budget-spend', title: 'More', actedUnderLevel: 7, rationale: 'r', optionsConsidered: ['a'], amount: { amount: 500, currency: 'EUR' }, unitBoundaries: [] } } as never;
    const approved: TeamEvent = { type: 'EscalatedDecisionApproved', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', amount: { amount: 1800, currency: 'EUR' }, mandate, violations, answeredAs: 'admin', approvedBy: 'x', approvedAt: T0, reason: 'ok' } };
    const declined: TeamEvent = { type: 'EscalatedDecisionDeclined', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', answeredAs: 'admin', declinedBy: 'x', declinedAt: T0, reason: 'no' } };
    spec.given([...monthly, escalatedDecision, approved]).when(decide, as(ANNA)).thenRejects('DECISION.AMOUNT_OVER_LIMIT');
    spec.given([...monthly, escalatedDecision, declined]).when(decide, as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('a coach may widen the team’s own frame, not the unit’s: beyond a unit limit the unit’s contact or a lead answers', () => {
    const unitLimit = { boundaryId: 'u-cap', title: 'Unit cap', source: { level: 'unit' as const, unitId: 'unit-care' }, limit: { amount: 1000, currency: 'EUR' }, period: 'per-decision' as const, decisionArea: null, spentInPeriod: null };
    const overUnit = {
      ...escalatedDecision,
      data: { ...(escalatedDecision.data as object), mandate: { ...mandate, financialLimits: [unitLimit] }, violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 'u-cap', message: 'over the unit cap' }] },
    } as unknown as TeamEvent;
    const given = [...staffedTeam, levelChanged('budget-spend', 7), overUnit];
    spec.given(given).when(answer('decision', 'approve'), because('x')).thenRejects('ESCALATION.BEYOND_TEAM_COACH', { category: 'forbidden', field: 'answeredAs' });
    spec.given(given).when(answer('decision', 'decline'), because('not now')).then([expect.objectContaining({ type: 'EscalatedDecisionDeclined' }) as never]);
    spec.given(given).when(answer('decision', 'approve', 'unit-contact'), because('once', LEAD)).then([expect.objectContaining({ type: 'EscalatedDecisionApproved' }) as never]);
  });

  it('is answered once: a second answer is a conflict', () => {
    const approved = { type: 'EscalatedDecisionApproved', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', amount: null, mandate, violations, answeredAs: 'team-coach', approvedBy: COACH, approvedAt: T0, reason: 'ok' } } as TeamEvent;
    spec.given([...withDecision, approved]).when(answer('decision', 'decline'), because('changed my mind')).thenRejects('ESCALATION.ALREADY_ANSWERED', { category: 'conflict', field: 'escalation.id' });
  });

  it('needs a reason, a known decision that was escalated, and a valid answer', () => {
    spec.given(withDecision).when(answer('decision', 'approve'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
    spec.given(withDecision).when(answer('decision', 'maybe' as 'approve'), because('x')).thenRejects('ESCALATION.ANSWER_INVALID', { field: 'answer' });
    spec.given(staffedTeam).when(answer('decision', 'approve'), because('x')).thenRejects('DECISION.NOT_FOUND', { category: 'not-found' });
    spec.given(withDecision).when(answer('proposal', 'approve'), because('x')).thenRejects('PROPOSAL.NOT_FOUND');
    spec.given(withDecision).when({ type: 'AnswerEscalation', data: { teamId: TEAM, escalation: { kind: 'team', id: 'x' }, answer: 'approve', answeredAs: 'admin', unitContactIds: [], unitBoundaries: [] } } as never, because('x')).thenRejects('ESCALATION.INVALID', { field: 'escalation.kind' });
  });

  it('only the layer above answers: not a member posing as coach, not someone who is not the unit’s contact, never the one who escalated', () => {
    spec.given(withDecision).when(answer('decision', 'approve'), because('x', BRAM)).thenRejects('ESCALATION.NOT_ANSWERER', { category: 'forbidden', field: 'answeredAs' });
    spec.given(withDecision).when(answer('decision', 'approve', 'unit-contact'), because('x', BRAM)).thenRejects('ESCALATION.NOT_ANSWERER');
    spec.given(withDecision).when(answer('decision', 'approve', 'transformation-lead'), because('x', ANNA)).thenRejects('ESCALATION.OWN_ESCALATION', { category: 'forbidden' });
    spec.given(withDecision).when(answer('decision', 'approve', 'boss'), because('x')).thenRejects('ESCALATION.ANSWERER_INVALID');
  });
});

describe('AnswerEscalation: an escalated proposal', () => {
  it('approved: adopted over the objection, and the boundary changes in the same step', () => {
    spec
      .given(withProposal)
      .when(answer('proposal', 'approve', 'unit-contact'), because('try it for a quarter', LEAD))
      .then([
        { type: 'EscalatedBoundaryChangeApproved', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], answeredAs: 'unit-contact', approvedBy: LEAD, approvedAt: now, reason: 'try it for a quarter' } },
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: financial('t-budget', 4000), previous: financial('t-budget', 2500), setBy: ANNA, setAt: now, reason: 'more room', proposalId: 'p-1' } },
      ]);
  });

  it('approval cannot widen the unit’s frame: refused, nothing changes', () => {
    spec
      .given(withProposal)
      .when(answer('proposal', 'approve', 'unit-contact', { unitBoundaries: [{ boundary: financial('u-small', 1000), source: { level: 'unit', unitId: 'unit-care' } }] }), because('x', LEAD))
      .thenRejects('BOUNDARY.WIDER_THAN_UNIT', { category: 'precondition' });
  });

  it('declined: the boundary stays; the proposer cannot answer; answered once', () => {
    const declined: TeamEvent = { type: 'EscalatedBoundaryChangeDeclined', data: { teamId: TEAM, proposalId: 'p-1', answeredAs: 'team-coach', declinedBy: COACH, declinedAt: now, reason: 'settle it in the team' } };
    spec.given(withProposal).when(answer('proposal', 'decline'), because('settle it in the team')).then([declined]);
    spec.given(withProposal).when(answer('proposal', 'approve', 'admin'), because('x', ANNA)).thenRejects('ESCALATION.OWN_ESCALATION');
    spec.given([...withProposal, declined]).when(answer('proposal', 'approve', 'admin'), because('x', 'user-admin')).thenRejects('ESCALATION.ALREADY_ANSWERED', { category: 'conflict' });
    spec.given([...staffedTeam, boundarySet(financial('t-budget', 2500)), proposed]).when(answer('proposal', 'approve', 'admin'), because('x', 'user-admin')).thenRejects('ESCALATION.NOT_ESCALATED', { category: 'conflict' });
  });
});

function teamCreated0(): TeamEvent {
  return staffedTeam[0]!;
}
