import { describe, expect, it } from '@jest/globals';
import { teamEventExamples as ex } from '../catalogue/event-examples.fixtures';
import type { TeamEvent } from '../team/team.events';
import { TEAM_EVENT_TYPES } from '../team/team.events';
import { describeTeamEvent } from './history.queries';

/**
 * The history entry of each team event is what analysts and auditors read: its topic, who
 * acted (the event's own …By field), why, and the summary sentence, pinned word for word.
 */
type Described = ReturnType<typeof describeTeamEvent>;

const ofEachExample: { [K in TeamEvent['type']]: Described } = {
  TeamCreated: { topic: 'team', by: 'user-coach', reason: null, summary: 'Team Wijkteam Noord created in unit unit-care.' },
  TeamRenamed: { topic: 'team', by: 'user-coach', reason: null, summary: 'Renamed from Wijkteam Noord to Wijkteam Oost.' },
  TeamMovedToUnit: { topic: 'team', by: 'user-lead', reason: 'reorganisation', summary: 'Moved from unit unit-care to unit-east.' },
  MemberAdded: { topic: 'membership', by: 'user-coach', reason: null, summary: 'user-anna joined as member.' },
  MemberRolesChanged: { topic: 'membership', by: 'user-coach', reason: null, summary: "user-anna's roles changed from member to member, analyst." },
  MemberRemoved: { topic: 'membership', by: 'user-coach', reason: 'moved to team B', summary: 'user-anna left the team.' },
  YesGiven: { topic: 'yes', by: 'user-anna', reason: null, summary: 'user-anna said yes to self-steering.' },
  YesWithdrawn: { topic: 'yes', by: 'user-anna', reason: 'not ready yet', summary: 'user-anna withdrew their yes.' },
  TeamPhaseChanged: { topic: 'phase', by: 'user-coach', reason: null, summary: 'Phase changed from performing to self-steering.' },
  CoachingTopicPlanned: { topic: 'coaching', by: 'user-coach', reason: null, summary: 'Coaching on budgeting planned.' },
  CoachingSessionHeld: { topic: 'coaching', by: 'user-coach', reason: null, summary: 'Coaching session by user-coach on budgeting.' },
  TeamBoundarySet: { topic: 'boundaries', by: 'user-coach', reason: 'pilot budget', summary: 'Set boundary Team budget (EUR 2500 per month, budget-spend).' },
  TeamBoundaryRemoved: {
    topic: 'boundaries',
    by: 'user-coach',
    reason: 'now a unit boundary',
    summary: 'Removed boundary Night visits in pairs (safety) by consent (proposal p-1).',
  },
  BoundaryChangeProposed: {
    topic: 'consent',
    by: 'user-coach',
    reason: 'more room for supplies',
    summary: 'Proposed to set Team budget (EUR 2500 per month, budget-spend); open until 2026-03-08T09:00:00.000Z.',
  },
  BoundaryChangeConsented: { topic: 'consent', by: 'user-anna', reason: null, summary: 'user-anna consented to proposal p-1.' },
  BoundaryChangeObjected: { topic: 'consent', by: 'user-bram', reason: 'we overspent last month', summary: 'user-bram objected to proposal p-1.' },
  BoundaryChangeAdopted: { topic: 'consent', by: 'system-timer', reason: null, summary: 'Proposal p-1 adopted without objection.' },
  BoundaryChangeEscalated: { topic: 'consent', by: 'user-coach', reason: 'user-bram: we overspent last month', summary: 'Proposal p-1 escalated after 1 objection(s).' },
  BoundaryChangeWithdrawn: { topic: 'consent', by: 'user-coach', reason: 'budget round moved', summary: 'Proposal p-1 withdrawn.' },
  BoundaryChangeLapsed: {
    topic: 'consent',
    by: 'user-coach',
    reason: 'The unit limit is now 500 EUR per decision.',
    summary: "Proposal p-1 lapsed: it no longer fits the unit's boundaries.",
  },
  BoundaryChangeAdoptedByDeadline: {
    topic: 'consent',
    by: 'governance-scheduler',
    reason: null,
    summary: 'Proposal p-1 adopted: no objection by its deadline 2026-03-01T09:00:00.000Z (1 consented, 1 silent).',
  },
  EscalatedBoundaryChangeApproved: {
    topic: 'escalations',
    by: 'user-lead',
    reason: 'the overspend was a one-off; try the new limit for a quarter',
    summary: 'Escalated proposal p-1 approved (as unit-contact).',
  },
  EscalatedBoundaryChangeDeclined: {
    topic: 'escalations',
    by: 'user-coach',
    reason: 'settle the objection in the team first',
    summary: 'Escalated proposal p-1 declined (as team-coach).',
  },
  ReviewDateSet: { topic: 'reviews', by: 'user-coach', reason: 'good enough for now, safe enough to try', summary: 'boundary b-budget: review by 2026-06-01.' },
  AgreementReviewed: { topic: 'reviews', by: 'user-anna', reason: 'still how we work', summary: 'principle pr-1 reviewed: kept; next review by 2026-12-01.' },
  DecisionAreaAdded: { topic: 'delegation', by: 'user-coach', reason: null, summary: 'Decision area Office layout (office-layout) added to the board.' },
  DelegationLevelChanged: { topic: 'delegation', by: 'user-coach', reason: 'trust earned', summary: 'budget-spend: level 5 (Advise) → 7 (Delegate).' },
  DecisionRecorded: {
    topic: 'decisions',
    by: 'user-anna',
    reason: 'Two colleagues work without a device',
    summary: 'Decided "Buy two laptops" (budget-spend, level 7 (Delegate), EUR 1800).',
  },
  DecisionEscalated: {
    topic: 'decisions',
    by: 'user-anna',
    reason: 'Two colleagues work without a device',
    summary: 'Escalated "Buy two laptops": EUR 2500 exceeds Team budget: EUR 2500 per month (EUR 400 already spent this month).',
  },
  EscalatedDecisionApproved: {
    topic: 'escalations',
    by: 'user-coach',
    reason: 'the laptops cannot wait for next month',
    summary: 'Escalated decision d-1 (budget-spend) approved (as team-coach), widening the mandate for this decision.',
  },
  EscalatedDecisionDeclined: {
    topic: 'escalations',
    by: 'user-lead',
    reason: 'IT provides laptops next month',
    summary: 'Escalated decision d-1 (budget-spend) declined (as transformation-lead).',
  },
  PrincipleAdopted: {
    topic: 'principles',
    by: 'user-anna',
    reason: null,
    summary: 'Principle adopted: "I am always honest, even when the truth is uncomfortable" (Integrity).',
  },
  PrincipleRevised: {
    topic: 'principles',
    by: 'user-anna',
    reason: 'sharper after retro',
    summary: 'Principle revised: "I am always honest, even when the truth is uncomfortable" → "I say what went wrong before anyone has to ask".',
  },
  PrincipleRetired: { topic: 'principles', by: 'user-anna', reason: 'merged into pr-2', summary: 'Principle pr-1 retired.' },
};

const budget = ex.TeamBoundarySet.data.boundary;
const nightVisits = ex.TeamBoundaryRemoved.data.previous;

/** The other side of each optional part of a summary (null fields, several items in a list). */
const variants: readonly (readonly [string, TeamEvent, Described])[] = [
  [
    'a team created outside any unit',
    { ...ex.TeamCreated, data: { ...ex.TeamCreated.data, unitId: null } },
    { topic: 'team', by: 'user-coach', reason: null, summary: 'Team Wijkteam Noord created.' },
  ],
  [
    'a team moved into its first unit',
    { ...ex.TeamMovedToUnit, data: { ...ex.TeamMovedToUnit.data, previousUnitId: null } },
    { topic: 'team', by: 'user-lead', reason: 'reorganisation', summary: 'Moved from unit (none) to unit-east.' },
  ],
  [
    'a member who joins with two roles',
    { ...ex.MemberAdded, data: { ...ex.MemberAdded.data, roles: ['member', 'coach'] } },
    { topic: 'membership', by: 'user-coach', reason: null, summary: 'user-anna joined as member, coach.' },
  ],
  [
    'a member who had two roles before',
    { ...ex.MemberRolesChanged, data: { ...ex.MemberRolesChanged.data, previousRoles: ['member', 'coach'] } },
    { topic: 'membership', by: 'user-coach', reason: null, summary: "user-anna's roles changed from member, coach to member, analyst." },
  ],
  [
    'a coaching session on two topics',
    { ...ex.CoachingSessionHeld, data: { ...ex.CoachingSessionHeld.data, topics: ['budgeting', 'planning'] } },
    { topic: 'coaching', by: 'user-coach', reason: null, summary: 'Coaching session by user-coach on budgeting, planning.' },
  ],
  [
    'a boundary changed by consent, to a limit for every area',
    {
      ...ex.TeamBoundarySet,
      data: {
        ...ex.TeamBoundarySet.data,
        boundary: { boundaryId: 'b-budget', kind: 'financial', title: 'Team budget', limit: { amount: 3000, currency: 'EUR' }, period: 'per-decision', decisionArea: null },
        previous: budget,
        proposalId: 'p-1',
      },
    },
    {
      topic: 'boundaries',
      by: 'user-coach',
      reason: 'pilot budget',
      summary: 'Changed boundary Team budget (EUR 3000 per decision), was Team budget (EUR 2500 per month, budget-spend) by consent (proposal p-1).',
    },
  ],
  [
    'a rule boundary set directly',
    { ...ex.TeamBoundarySet, data: { ...ex.TeamBoundarySet.data, boundary: nightVisits } },
    { topic: 'boundaries', by: 'user-coach', reason: 'pilot budget', summary: 'Set boundary Night visits in pairs (safety).' },
  ],
  [
    'a boundary removed directly',
    { ...ex.TeamBoundaryRemoved, data: { ...ex.TeamBoundaryRemoved.data, proposalId: null } },
    { topic: 'boundaries', by: 'user-coach', reason: 'now a unit boundary', summary: 'Removed boundary Night visits in pairs (safety).' },
  ],
  [
    'a proposal to remove a boundary',
    { ...ex.BoundaryChangeProposed, data: { ...ex.BoundaryChangeProposed.data, change: { action: 'remove', boundaryId: 'b-safety' } } },
    { topic: 'consent', by: 'user-coach', reason: 'more room for supplies', summary: 'Proposed to remove boundary b-safety; open until 2026-03-08T09:00:00.000Z.' },
  ],
  [
    'a proposal escalated after two objections',
    {
      ...ex.BoundaryChangeEscalated,
      data: {
        ...ex.BoundaryChangeEscalated.data,
        objections: [
          { memberId: 'user-bram', reason: 'we overspent last month' },
          { memberId: 'user-cem', reason: 'no one keeps the books' },
        ],
      },
    },
    {
      topic: 'consent',
      by: 'user-coach',
      reason: 'user-bram: we overspent last month; user-cem: no one keeps the books',
      summary: 'Proposal p-1 escalated after 2 objection(s).',
    },
  ],
  [
    'a review date cleared',
    { ...ex.ReviewDateSet, data: { ...ex.ReviewDateSet.data, previousReviewBy: '2026-06-01', reviewBy: null } },
    { topic: 'reviews', by: 'user-coach', reason: 'good enough for now, safe enough to try', summary: 'boundary b-budget: review date cleared.' },
  ],
  [
    'a review with no next date',
    { ...ex.AgreementReviewed, data: { ...ex.AgreementReviewed.data, outcome: 'dropped', nextReviewBy: null } },
    { topic: 'reviews', by: 'user-anna', reason: 'still how we work', summary: 'principle pr-1 reviewed: dropped.' },
  ],
  [
    "an area's first delegation level",
    { ...ex.DelegationLevelChanged, data: { ...ex.DelegationLevelChanged.data, previousLevel: null } },
    { topic: 'delegation', by: 'user-coach', reason: 'trust earned', summary: 'budget-spend: level (unset) → 7 (Delegate).' },
  ],
  [
    'a decision without an amount',
    { ...ex.DecisionRecorded, data: { ...ex.DecisionRecorded.data, amount: null } },
    { topic: 'decisions', by: 'user-anna', reason: 'Two colleagues work without a device', summary: 'Decided "Buy two laptops" (budget-spend, level 7 (Delegate)).' },
  ],
  [
    'a decision escalated for two violations',
    {
      ...ex.DecisionEscalated,
      data: {
        ...ex.DecisionEscalated.data,
        violations: [
          ...ex.DecisionEscalated.data.violations,
          { code: 'DECISION.LEVEL_ABOVE_MANDATE', field: 'actedUnderLevel', boundaryId: null, message: 'Level 7 (Delegate) is above the board level 5 (Advise).' },
        ],
      },
    },
    {
      topic: 'decisions',
      by: 'user-anna',
      reason: 'Two colleagues work without a device',
      summary:
        'Escalated "Buy two laptops": EUR 2500 exceeds Team budget: EUR 2500 per month (EUR 400 already spent this month). Level 7 (Delegate) is above the board level 5 (Advise).',
    },
  ],
];

describe('the history entry of a team event', () => {
  it('has a description for every team event type', () => {
    expect(Object.keys(ofEachExample).sort()).toEqual([...TEAM_EVENT_TYPES].sort());
  });

  it.each(TEAM_EVENT_TYPES)('describes %s with its topic, who, why and summary', (type) => {
    expect(describeTeamEvent(ex[type])).toEqual(ofEachExample[type]);
  });

  it.each(variants)('describes %s', (_, event, expected) => {
    expect(describeTeamEvent(event)).toEqual(expected);
  });

  it('throws on an event type it does not know instead of describing it as nothing', () => {
    const unknown = { type: 'TeamArchived', data: { teamId: 'team-a' } } as unknown as TeamEvent;
    expect(() => describeTeamEvent(unknown)).toThrow('Unexpected value');
  });
});
