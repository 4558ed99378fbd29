import { describe, expect, it } from '@jest/globals';
import type { CommandContext } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { Mandate, MandateLimit, MandateViolation } from './mandate.model';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, because, boundarySet, BRAM, COACH, decisionEscalated, financial, levelChanged, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const LEAD = 'user-lead';
const ADMIN = 'user-admin';

const limitOf = (boundaryId: string, level: 'unit' | 'team'): MandateLimit => ({
  boundaryId,
  title: `Limit ${boundaryId}`,
  source: level === 'unit' ? { level: 'unit', unitId: 'unit-care' } : { level: 'team', teamId: TEAM },
  limit: { amount: 1000, currency: 'EUR' },
  period: 'per-decision',
  decisionArea: null,
  spentInPeriod: null,
});
const over = (boundaryId: string): MandateViolation => ({ code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId, message: `over ${boundaryId}` });
const plainMandate: Mandate = { area: 'budget-spend', boardLevel: 7, boardLevelSetAt: T0, financialLimits: [], ruleBoundaryIds: [] };
const noBudget: MandateViolation[] = [{ code: 'DECISION.NO_BUDGET', field: 'amount', boundaryId: null, message: 'No budget.' }];
const withDecision = [...staffedTeam, levelChanged('budget-spend', 7), decisionEscalated(plainMandate, noBudget)];
const recorded: TeamEvent = {
  type: 'DecisionRecorded',
  data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', title: 't', actedUnderLevel: 7, rationale: 'r', optionsConsidered: ['a'], amount: null, mandate: plainMandate, decidedBy: ANNA, decidedAt: T0 },
};
const decisionDeclined: TeamEvent = { type: 'EscalatedDecisionDeclined', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', answeredAs: 'admin', declinedBy: ADMIN, declinedAt: T0, reason: 'no' } };
const decisionApproved: TeamEvent = {
  type: 'EscalatedDecisionApproved',
  data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', amount: null, mandate: plainMandate, violations: noBudget, answeredAs: 'admin', approvedBy: ADMIN, approvedAt: T0, reason: 'ok' },
};

const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, reason: 'more room', closesAt: '2026-01-10T09:00:00.000Z', participantIds: [ANNA, BRAM], proposedBy: ANNA, proposedAt: T0 },
};
const objected: TeamEvent = { type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, objectedBy: BRAM, objectedAt: T0, reason: 'too much' } };
const proposalEscalated: TeamEvent = { type: 'BoundaryChangeEscalated', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], escalatedBy: COACH, escalatedAt: T0 } };
const beforeProposal = [...staffedTeam, boundarySet(financial('t-budget', 2500))];
const withProposal = [...beforeProposal, proposed, objected, proposalEscalated];
const proposalApproved: TeamEvent = { type: 'EscalatedBoundaryChangeApproved', data: { teamId: TEAM, proposalId: 'p-1', objections: [], answeredAs: 'admin', approvedBy: ADMIN, approvedAt: T0, reason: 'ok' } };
const proposalAdopted: TeamEvent = { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [], silentIds: [], adoptedBy: COACH, adoptedAt: T0 } };

const answer = (data: Record<string, unknown> = {}): TeamCommand =>
  ({
    type: 'AnswerEscalation',
    data: { teamId: TEAM, escalation: { kind: 'decision', id: 'd-1' }, answer: 'approve', answeredAs: 'team-coach', unitContactIds: [LEAD], unitBoundaries: unitFrame, ...data },
  }) as never;
const onProposal = (data: Record<string, unknown> = {}): TeamCommand => answer({ escalation: { kind: 'proposal', id: 'p-1' }, ...data });

type Row = [string, readonly TeamEvent[], TeamCommand, Partial<CommandContext>, string, string, string, string];

describe('AnswerEscalation refusals', () => {
  it.each<Row>([
    ['on another team’s stream', withDecision, answer({ teamId: 'team-b' }), because('x'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['without an escalation', withDecision, answer({ escalation: null }), because('x'), 'ESCALATION.INVALID', 'invalid', 'escalation.kind', 'The escalation is { kind: "decision" | "proposal", id }.'],
    ['of an unknown kind', withDecision, answer({ escalation: { kind: 'principle', id: 'd-1' } }), because('x'), 'ESCALATION.INVALID', 'invalid', 'escalation.kind', 'The escalation is { kind: "decision" | "proposal", id }.'],
    [
      'without an id',
      withDecision,
      answer({ escalation: { kind: 'decision', id: '' } }),
      because('x'),
      'ESCALATION.INVALID',
      'invalid',
      'escalation.id',
      'The escalated decision or proposal id must be a non-empty id without surrounding spaces, at most 128 characters.',
    ],
    ['that is neither approve nor decline', withDecision, answer({ answer: 'defer' }), because('x'), 'ESCALATION.ANSWER_INVALID', 'invalid', 'answer', 'The answer is "approve" or "decline".'],
    ['an approval without a reason', withDecision, answer(), { actor: { id: COACH, kind: 'user' } }, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'A reason is required to approve an escalation (say why).'],
    ['a decline without a reason', withDecision, answer({ answer: 'decline' }), { actor: { id: COACH, kind: 'user' } }, 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'A reason is required to decline an escalation (say why).'],
    ['for an unknown decision', withDecision, answer({ escalation: { kind: 'decision', id: 'd-9' } }), because('x'), 'DECISION.NOT_FOUND', 'not-found', 'escalation.id', 'Team team-a has no decision d-9.'],
    [
      'for a decision recorded within the mandate',
      [...staffedTeam, recorded],
      answer(),
      because('x'),
      'ESCALATION.NOT_ESCALATED',
      'conflict',
      'escalation.id',
      'Decision d-1 was recorded within the mandate; there is nothing to answer.',
    ],
    ['for a decision already declined', [...withDecision, decisionDeclined], answer(), because('x'), 'ESCALATION.ALREADY_ANSWERED', 'conflict', 'escalation.id', 'The escalated decision d-1 is already declined.'],
    ['for a decision already approved', [...withDecision, decisionApproved], answer({ answer: 'decline' }), because('x'), 'ESCALATION.ALREADY_ANSWERED', 'conflict', 'escalation.id', 'The escalated decision d-1 is already approved.'],
    [
      'in a capacity that does not exist',
      withDecision,
      answer({ answeredAs: 'manager' }),
      because('x'),
      'ESCALATION.ANSWERER_INVALID',
      'invalid',
      'answeredAs',
      'answeredAs must be one of team-coach, unit-contact, transformation-lead, admin.',
    ],
    ['as coach from a member who is no coach', withDecision, answer(), because('x', BRAM), 'ESCALATION.NOT_ANSWERER', 'forbidden', 'answeredAs', 'user-bram is not a coach of team team-a.'],
    ['as coach from someone not on the team', withDecision, answer(), because('x', LEAD), 'ESCALATION.NOT_ANSWERER', 'forbidden', 'answeredAs', 'user-lead is not a coach of team team-a.'],
    [
      'as unit contact from someone the unit did not name',
      withDecision,
      answer({ answeredAs: 'unit-contact' }),
      because('x', COACH),
      'ESCALATION.NOT_ANSWERER',
      'forbidden',
      'answeredAs',
      "user-coach is not the escalation contact of team team-a's unit.",
    ],
    [
      'from the one who escalated the decision',
      withDecision,
      answer({ answeredAs: 'admin' }),
      because('x', ANNA),
      'ESCALATION.OWN_ESCALATION',
      'forbidden',
      'escalation.id',
      'user-anna is the party that escalated this and cannot answer it; the layer above does.',
    ],
    ['for an unknown proposal', withProposal, onProposal({ escalation: { kind: 'proposal', id: 'p-9' } }), because('x'), 'PROPOSAL.NOT_FOUND', 'not-found', 'escalation.id', 'Team team-a has no proposal p-9.'],
    [
      'for a proposal still open',
      [...beforeProposal, proposed],
      onProposal(),
      because('x'),
      'ESCALATION.NOT_ESCALATED',
      'conflict',
      'escalation.id',
      'Proposal p-1 is open, not escalated; there is nothing to answer.',
    ],
    [
      'for a proposal adopted by consent',
      [...beforeProposal, proposed, proposalAdopted],
      onProposal(),
      because('x'),
      'ESCALATION.NOT_ESCALATED',
      'conflict',
      'escalation.id',
      'Proposal p-1 is adopted, not escalated; there is nothing to answer.',
    ],
    ['for a proposal already approved', [...withProposal, proposalApproved], onProposal({ answer: 'decline' }), because('x'), 'ESCALATION.ALREADY_ANSWERED', 'conflict', 'escalation.id', 'The escalated proposal p-1 is already approved.'],
    [
      'from the proposer of the change',
      withProposal,
      onProposal({ answeredAs: 'transformation-lead' }),
      because('x', ANNA),
      'ESCALATION.OWN_ESCALATION',
      'forbidden',
      'escalation.id',
      'user-anna is the party that escalated this and cannot answer it; the layer above does.',
    ],
  ])('refuses an answer %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });

  it('says what an answered escalation became', () => {
    spec.given([...withDecision, decisionDeclined]).when(answer(), because('x')).thenRejects('ESCALATION.ALREADY_ANSWERED', { details: { status: 'declined' } });
    spec.given([...withProposal, proposalApproved]).when(onProposal(), because('x')).thenRejects('ESCALATION.ALREADY_ANSWERED', { details: { status: 'approved' } });
  });

  it('a coach cannot approve beyond the unit’s limits, and is told every unit limit involved', () => {
    const mandate: Mandate = { ...plainMandate, financialLimits: [limitOf('u-cap', 'unit'), limitOf('t-cap', 'team'), limitOf('u-year', 'unit')] };
    const rejection = spec
      .given([...staffedTeam, levelChanged('budget-spend', 7), decisionEscalated(mandate, [over('u-cap'), over('t-cap'), over('u-year')])])
      .when(answer(), because('x'))
      .thenRejects('ESCALATION.BEYOND_TEAM_COACH', {
        category: 'forbidden',
        field: 'answeredAs',
        message: "Decision d-1 goes beyond the unit's own limits (u-cap, u-year); the unit's escalation contact, a transformation lead or an admin answers it.",
      });
    expect(rejection.details).toEqual({ boundaryIds: ['u-cap', 'u-year'] });
  });

  it('an approval that no longer fits the unit’s frame says why', () => {
    const rejection = spec
      .given(withProposal)
      .when(onProposal({ answeredAs: 'unit-contact', unitBoundaries: [{ boundary: financial('u-small', 1000), source: { level: 'unit', unitId: 'unit-care' } }] }), because('x', LEAD))
      .thenRejects('BOUNDARY.WIDER_THAN_UNIT', {
        category: 'precondition',
        field: 'escalation.id',
        message:
          "The proposed change no longer fits: A team's boundary may be narrower than its unit's, never wider. Limit t-budget allows EUR 4000 per decision, more than Limit u-small allows (EUR 1000 per decision).",
      });
    expect(rejection.details).toEqual({ code: 'BOUNDARY.WIDER_THAN_UNIT' });
  });
});

describe('AnswerEscalation approvals at the edges', () => {
  it('a coach may approve over the team’s own limits', () => {
    const mandate: Mandate = { ...plainMandate, financialLimits: [limitOf('u-cap', 'unit'), limitOf('t-cap', 'team')] };
    spec
      .given([...staffedTeam, levelChanged('budget-spend', 7), decisionEscalated(mandate, [over('t-cap')])])
      .when(answer(), because('one-off'))
      .then([
        {
          type: 'EscalatedDecisionApproved',
          data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', amount: { amount: 1800, currency: 'EUR' }, mandate, violations: [over('t-cap')], answeredAs: 'team-coach', approvedBy: COACH, approvedAt: now, reason: 'one-off' },
        },
      ]);
  });

  it('a transformation lead or an admin may answer without being on the team', () => {
    spec
      .given(withDecision)
      .when(answer({ answeredAs: 'transformation-lead', answer: 'decline' }), because('IT buys laptops', 'user-tl'))
      .then([{ type: 'EscalatedDecisionDeclined', data: { teamId: TEAM, decisionId: 'd-1', area: 'budget-spend', answeredAs: 'transformation-lead', declinedBy: 'user-tl', declinedAt: now, reason: 'IT buys laptops' } }]);
    spec
      .given(withProposal)
      .when(onProposal({ answeredAs: 'admin', answer: 'decline' }), because('not this year', ADMIN))
      .then([{ type: 'EscalatedBoundaryChangeDeclined', data: { teamId: TEAM, proposalId: 'p-1', answeredAs: 'admin', declinedBy: ADMIN, declinedAt: now, reason: 'not this year' } }]);
  });

  it('approving a proposal whose change the boundary already has records only the approval', () => {
    // While the proposal waited for the layer above, the coach set the boundary to the proposed value.
    spec
      .given([...withProposal, boundarySet(financial('t-budget', 4000))])
      .when(onProposal({ answeredAs: 'unit-contact' }), because('fine', LEAD))
      .then([
        { type: 'EscalatedBoundaryChangeApproved', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], answeredAs: 'unit-contact', approvedBy: LEAD, approvedAt: now, reason: 'fine' } },
      ]);
  });

  it('approving a removal removes the boundary', () => {
    const removal = { ...proposed, data: { ...proposed.data, change: { action: 'remove', boundaryId: 't-budget' } } } as TeamEvent;
    spec
      .given([...beforeProposal, removal, objected, proposalEscalated])
      .when(onProposal({ answeredAs: 'admin' }), because('the unit limit is enough', ADMIN))
      .then([
        { type: 'EscalatedBoundaryChangeApproved', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], answeredAs: 'admin', approvedBy: ADMIN, approvedAt: now, reason: 'the unit limit is enough' } },
        { type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 't-budget', previous: financial('t-budget', 2500), removedBy: ANNA, removedAt: now, reason: 'more room', proposalId: 'p-1' } },
      ]);
  });
});
