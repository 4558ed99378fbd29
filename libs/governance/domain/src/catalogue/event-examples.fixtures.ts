import type { OrganisationEvent } from '../organisation/organisation.events';
import type { RolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import type { GovernanceSettingsEvent } from '../settings/settings.events';
import type { Boundary } from '../shared/boundary.model';
import type { Mandate } from '../team/mandate.model';
import type { TeamEvent } from '../team/team.events';

/** One example of every governance event, typed per event type: the compiler insists on completeness and shape. */
type Examples<E extends { type: string }> = { [K in E['type']]: Extract<E, { type: K }> };

const at = '2026-03-01T09:00:00.000Z';
const limit: Boundary = { boundaryId: 'b-budget', kind: 'financial', title: 'Team budget', limit: { amount: 2500, currency: 'EUR' }, period: 'month', decisionArea: 'budget-spend' };
const safety: Boundary = { boundaryId: 'b-safety', kind: 'safety', title: 'Night visits in pairs', description: 'Night visits are always made by two people.', reference: null };
const mandate: Mandate = {
  area: 'budget-spend',
  boardLevel: 7,
  boardLevelSetAt: '2026-02-01T09:00:00.000Z',
  financialLimits: [
    {
      boundaryId: 'b-budget',
      title: 'Team budget',
      source: { level: 'team', teamId: 'team-a' },
      limit: { amount: 2500, currency: 'EUR' },
      period: 'month',
      decisionArea: 'budget-spend',
      spentInPeriod: { amount: 400, currency: 'EUR' },
    },
  ],
  ruleBoundaryIds: ['b-safety'],
};
const decision = {
  teamId: 'team-a',
  decisionId: 'd-1',
  area: 'budget-spend',
  title: 'Buy two laptops',
  actedUnderLevel: 7 as const,
  rationale: 'Two colleagues work without a device',
  optionsConsidered: ['Buy', 'Lease', 'Wait for IT'],
  amount: { amount: 1800, currency: 'EUR' },
  mandate,
};

export const teamEventExamples: Examples<TeamEvent> = {
  TeamCreated: { type: 'TeamCreated', data: { teamId: 'team-a', name: 'Wijkteam Noord', unitId: 'unit-care', purpose: 'Care close to home', createdBy: 'user-coach', createdAt: at } },
  TeamRenamed: { type: 'TeamRenamed', data: { teamId: 'team-a', previousName: 'Wijkteam Noord', name: 'Wijkteam Oost', renamedBy: 'user-coach', renamedAt: at } },
  TeamMovedToUnit: { type: 'TeamMovedToUnit', data: { teamId: 'team-a', previousUnitId: 'unit-care', unitId: 'unit-east', movedBy: 'user-lead', movedAt: at, reason: 'reorganisation' } },
  MemberAdded: { type: 'MemberAdded', data: { teamId: 'team-a', memberId: 'user-anna', roles: ['member'], addedBy: 'user-coach', addedAt: at } },
  MemberRolesChanged: {
    type: 'MemberRolesChanged',
    data: { teamId: 'team-a', memberId: 'user-anna', previousRoles: ['member'], roles: ['member', 'analyst'], changedBy: 'user-coach', changedAt: at },
  },
  MemberRemoved: { type: 'MemberRemoved', data: { teamId: 'team-a', memberId: 'user-anna', removedBy: 'user-coach', removedAt: at, reason: 'moved to team B' } },
  YesGiven: { type: 'YesGiven', data: { teamId: 'team-a', memberId: 'user-anna', givenBy: 'user-anna', givenAt: at } },
  YesWithdrawn: { type: 'YesWithdrawn', data: { teamId: 'team-a', memberId: 'user-anna', withdrawnBy: 'user-anna', withdrawnAt: at, reason: 'not ready yet' } },
  TeamPhaseChanged: { type: 'TeamPhaseChanged', data: { teamId: 'team-a', previousPhase: 'performing', phase: 'self-steering', changedBy: 'user-coach', changedAt: at, reason: null } },
  CoachingTopicPlanned: { type: 'CoachingTopicPlanned', data: { teamId: 'team-a', topic: 'budgeting', goal: 'Draft our own budget', plannedBy: 'user-coach', plannedAt: at } },
  CoachingSessionHeld: {
    type: 'CoachingSessionHeld',
    data: {
      teamId: 'team-a',
      sessionId: 's-1',
      topics: ['budgeting'],
      heldAt: '2026-02-28T14:00:00.000Z',
      coachId: 'user-coach',
      attendeeIds: ['user-anna', 'user-bram'],
      notes: {
        $sealed: { subject: 'governance-coaching-notes:acme/team-a/s-1', keyId: '0193d2c4-0000-7000-8000-00000000c0a1', alg: 'A256GCM', iv: 'bm90ZXMtaXYtMTI=', data: 'Y2lwaGVydGV4dA==', tag: 'dGFnLXRhZy10YWctdGFnIQ==' },
      },
      recordedBy: 'user-coach',
      recordedAt: at,
    },
  },
  TeamBoundarySet: { type: 'TeamBoundarySet', data: { teamId: 'team-a', boundary: limit, previous: null, setBy: 'user-coach', setAt: at, reason: 'pilot budget', proposalId: null } },
  TeamBoundaryRemoved: {
    type: 'TeamBoundaryRemoved',
    data: { teamId: 'team-a', boundaryId: 'b-safety', previous: safety, removedBy: 'user-coach', removedAt: at, reason: 'now a unit boundary', proposalId: 'p-1' },
  },
  BoundaryChangeProposed: {
    type: 'BoundaryChangeProposed',
    data: {
      teamId: 'team-a',
      proposalId: 'p-1',
      change: { action: 'set', boundary: limit },
      reason: 'more room for supplies',
      closesAt: '2026-03-08T09:00:00.000Z',
      participantIds: ['user-anna', 'user-bram'],
      proposedBy: 'user-coach',
      proposedAt: at,
    },
  },
  BoundaryChangeConsented: { type: 'BoundaryChangeConsented', data: { teamId: 'team-a', proposalId: 'p-1', memberId: 'user-anna', consentedBy: 'user-anna', consentedAt: at } },
  BoundaryChangeObjected: {
    type: 'BoundaryChangeObjected',
    data: { teamId: 'team-a', proposalId: 'p-1', memberId: 'user-bram', objectedBy: 'user-bram', objectedAt: at, reason: 'we overspent last month' },
  },
  BoundaryChangeAdopted: {
    type: 'BoundaryChangeAdopted',
    data: { teamId: 'team-a', proposalId: 'p-1', consentedIds: ['user-anna'], silentIds: ['user-bram'], adoptedBy: 'system-timer', adoptedAt: at },
  },
  BoundaryChangeEscalated: {
    type: 'BoundaryChangeEscalated',
    data: { teamId: 'team-a', proposalId: 'p-1', objections: [{ memberId: 'user-bram', reason: 'we overspent last month' }], escalatedBy: 'user-coach', escalatedAt: at },
  },
  BoundaryChangeLapsed: { type: 'BoundaryChangeLapsed', data: { teamId: 'team-a', proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: 'The unit limit is now 500 EUR per decision.', lapsedBy: 'user-coach', lapsedAt: at } },
  BoundaryChangeWithdrawn: { type: 'BoundaryChangeWithdrawn', data: { teamId: 'team-a', proposalId: 'p-1', withdrawnBy: 'user-coach', withdrawnAt: at, reason: 'budget round moved' } },
  BoundaryChangeAdoptedByDeadline: {
    type: 'BoundaryChangeAdoptedByDeadline',
    data: { teamId: 'team-a', proposalId: 'p-1', deadline: at, consentedIds: ['user-anna'], silentIds: ['user-bram'], adoptedBy: 'governance-scheduler', adoptedAt: '2026-03-01T09:00:30.000Z' },
  },
  EscalatedBoundaryChangeApproved: {
    type: 'EscalatedBoundaryChangeApproved',
    data: {
      teamId: 'team-a',
      proposalId: 'p-1',
      objections: [{ memberId: 'user-bram', reason: 'we overspent last month' }],
      answeredAs: 'unit-contact',
      approvedBy: 'user-lead',
      approvedAt: at,
      reason: 'the overspend was a one-off; try the new limit for a quarter',
    },
  },
  EscalatedBoundaryChangeDeclined: {
    type: 'EscalatedBoundaryChangeDeclined',
    data: { teamId: 'team-a', proposalId: 'p-1', answeredAs: 'team-coach', declinedBy: 'user-coach', declinedAt: at, reason: 'settle the objection in the team first' },
  },
  ReviewDateSet: {
    type: 'ReviewDateSet',
    data: { teamId: 'team-a', subject: { kind: 'boundary', id: 'b-budget' }, previousReviewBy: null, reviewBy: '2026-06-01', setBy: 'user-coach', setAt: at, reason: 'good enough for now, safe enough to try' },
  },
  AgreementReviewed: {
    type: 'AgreementReviewed',
    data: { teamId: 'team-a', subject: { kind: 'principle', id: 'pr-1' }, outcome: 'kept', nextReviewBy: '2026-12-01', reviewedBy: 'user-anna', reviewedAt: at, reason: 'still how we work' },
  },
  DecisionAreaAdded: { type: 'DecisionAreaAdded', data: { teamId: 'team-a', area: 'office-layout', title: 'Office layout', addedBy: 'user-coach', addedAt: at } },
  DelegationLevelChanged: {
    type: 'DelegationLevelChanged',
    data: { teamId: 'team-a', area: 'budget-spend', previousLevel: 5, level: 7, reviewBy: '2026-09-01', changedBy: 'user-coach', changedAt: at, reason: 'trust earned' },
  },
  DecisionRecorded: { type: 'DecisionRecorded', data: { ...decision, decidedBy: 'user-anna', decidedAt: at } },
  DecisionEscalated: {
    type: 'DecisionEscalated',
    data: {
      ...decision,
      amount: { amount: 2500, currency: 'EUR' },
      violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 'b-budget', message: 'EUR 2500 exceeds Team budget: EUR 2500 per month (EUR 400 already spent this month).' }],
      escalatedBy: 'user-anna',
      escalatedAt: at,
    },
  },
  EscalatedDecisionApproved: {
    type: 'EscalatedDecisionApproved',
    data: {
      teamId: 'team-a',
      decisionId: 'd-1',
      area: 'budget-spend',
      amount: { amount: 2500, currency: 'EUR' },
      mandate,
      violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 'b-budget', message: 'EUR 2500 exceeds Team budget: EUR 2500 per month (EUR 400 already spent this month).' }],
      answeredAs: 'team-coach',
      approvedBy: 'user-coach',
      approvedAt: at,
      reason: 'the laptops cannot wait for next month',
    },
  },
  EscalatedDecisionDeclined: {
    type: 'EscalatedDecisionDeclined',
    data: { teamId: 'team-a', decisionId: 'd-1', area: 'budget-spend', answeredAs: 'transformation-lead', declinedBy: 'user-lead', declinedAt: at, reason: 'IT provides laptops next month' },
  },
  PrincipleAdopted: {
    type: 'PrincipleAdopted',
    data: { teamId: 'team-a', principleId: 'pr-1', rule: 'I am always honest, even when the truth is uncomfortable', value: 'Integrity', adoptedBy: 'user-anna', adoptedAt: at },
  },
  PrincipleRevised: {
    type: 'PrincipleRevised',
    data: {
      teamId: 'team-a',
      principleId: 'pr-1',
      previousRule: 'I am always honest, even when the truth is uncomfortable',
      previousValue: 'Integrity',
      rule: 'I say what went wrong before anyone has to ask',
      value: 'Integrity',
      revisedBy: 'user-anna',
      revisedAt: at,
      reason: 'sharper after retro',
    },
  },
  PrincipleRetired: { type: 'PrincipleRetired', data: { teamId: 'team-a', principleId: 'pr-1', retiredBy: 'user-anna', retiredAt: at, reason: 'merged into pr-2' } },
};

export const organisationEventExamples: Examples<OrganisationEvent> = {
  OrganisationCreated: { type: 'OrganisationCreated', data: { organisationId: 'org-1', name: 'Zorggroep', createdBy: 'user-lead', createdAt: at } },
  UnitAdded: { type: 'UnitAdded', data: { organisationId: 'org-1', unitId: 'unit-north', name: 'Noord', parentUnitId: 'unit-care', addedBy: 'user-lead', addedAt: at } },
  UnitRenamed: { type: 'UnitRenamed', data: { organisationId: 'org-1', unitId: 'unit-north', previousName: 'Noord', name: 'Noord-West', renamedBy: 'user-lead', renamedAt: at } },
  UnitMoved: {
    type: 'UnitMoved',
    data: { organisationId: 'org-1', unitId: 'unit-north', previousParentUnitId: 'unit-care', parentUnitId: null, movedBy: 'user-lead', movedAt: at, reason: 'merger' },
  },
  UnitBoundarySet: {
    type: 'UnitBoundarySet',
    data: {
      organisationId: 'org-1',
      unitId: 'unit-care',
      boundary: { boundaryId: 'u-limit', kind: 'financial', title: 'Unit limit', limit: { amount: 10000, currency: 'EUR' }, period: 'per-decision', decisionArea: null },
      previous: null,
      setBy: 'user-lead',
      setAt: at,
      reason: 'board decision',
    },
  },
  UnitBoundaryRemoved: {
    type: 'UnitBoundaryRemoved',
    data: {
      organisationId: 'org-1',
      unitId: 'unit-care',
      boundaryId: 'u-gdpr',
      previous: { boundaryId: 'u-gdpr', kind: 'legal', title: 'Client files', description: 'Client data stays in the care system.', reference: 'AVG art. 9' },
      removedBy: 'user-lead',
      removedAt: at,
      reason: 'moved to the organisation-wide policy',
    },
  },
  UnitBoundaryReviewDateSet: {
    type: 'UnitBoundaryReviewDateSet',
    data: { organisationId: 'org-1', unitId: 'unit-care', boundaryId: 'u-gdpr', previousReviewBy: null, reviewBy: '2026-09-01', setBy: 'user-lead', setAt: at, reason: 'look again after the audit' },
  },
  UnitBoundaryReviewed: {
    type: 'UnitBoundaryReviewed',
    data: { organisationId: 'org-1', unitId: 'unit-care', boundaryId: 'u-gdpr', outcome: 'kept', nextReviewBy: '2027-03-01', reviewedBy: 'user-lead', reviewedAt: at, reason: 'still the law' },
  },
  UnitEscalationContactNamed: {
    type: 'UnitEscalationContactNamed',
    data: { organisationId: 'org-1', unitId: 'unit-care', previousContactId: null, contactId: 'user-lead', namedBy: 'user-admin', namedAt: at, reason: 'the care lead answers the care teams' },
  },
};

export const governanceSettingsEventExamples: Examples<GovernanceSettingsEvent> = {
  GovernanceSettingsChanged: {
    type: 'GovernanceSettingsChanged',
    data: {
      tenantId: 'acme',
      previous: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12, escalationTimeoutDays: 14, consentDeadlineDays: 7 },
      settings: { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, escalationTimeoutDays: 7, consentDeadlineDays: 5 },
      changedBy: 'user-lead',
      changedAt: at,
      reason: 'large units need more time per phase',
    },
  },
};

export const rolloutPlanEventExamples: Examples<RolloutPlanEvent> = {
  RolloutPlanCreated: { type: 'RolloutPlanCreated', data: { planId: 'plan-1', name: 'Zorg 2026', unitId: 'unit-care', createdBy: 'user-lead', createdAt: at } },
  TeamScheduled: {
    type: 'TeamScheduled',
    data: { planId: 'plan-1', teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-04-01', plannedSelfSteeringOn: '2026-12-01', scheduledBy: 'user-lead', scheduledAt: at },
  },
  TeamRescheduled: {
    type: 'TeamRescheduled',
    data: {
      planId: 'plan-1',
      teamId: 'team-a',
      previous: { wave: 'pilot', plannedStartOn: '2026-04-01', plannedSelfSteeringOn: '2026-12-01' },
      wave: 'pilot',
      plannedStartOn: '2026-05-01',
      plannedSelfSteeringOn: '2027-01-01',
      rescheduledBy: 'user-lead',
      rescheduledAt: at,
      reason: 'coach on leave',
    },
  },
  TeamUnscheduled: {
    type: 'TeamUnscheduled',
    data: {
      planId: 'plan-1',
      teamId: 'team-b',
      previous: { wave: 'following', plannedStartOn: '2026-09-01', plannedSelfSteeringOn: null },
      unscheduledBy: 'user-lead',
      unscheduledAt: at,
      reason: 'team merged',
    },
  },
};

/** Shapes of earlier versions, kept as they were stored, with what each reads as today. */
export const legacyTeamEventExamples = [
  {
    version: 1,
    example: {
      type: 'DelegationLevelChanged',
      data: { teamId: 'team-a', area: 'budget-spend', previousLevel: 5, level: 7, changedBy: 'user-coach', changedAt: at, reason: 'trust earned' },
    },
    upcastsTo: { teamId: 'team-a', area: 'budget-spend', previousLevel: 5, level: 7, reviewBy: null, changedBy: 'user-coach', changedAt: at, reason: 'trust earned' },
  },
  {
    version: 1,
    example: {
      type: 'CoachingSessionHeld',
      data: {
        teamId: 'team-a',
        sessionId: 's-1',
        topics: ['budgeting'],
        heldAt: '2026-02-28T14:00:00.000Z',
        coachId: 'user-coach',
        attendeeIds: ['user-anna', 'user-bram'],
        notes: null,
        recordedBy: 'user-coach',
        recordedAt: at,
      },
    },
    upcastsTo: {
      teamId: 'team-a',
      sessionId: 's-1',
      topics: ['budgeting'],
      heldAt: '2026-02-28T14:00:00.000Z',
      coachId: 'user-coach',
      attendeeIds: ['user-anna', 'user-bram'],
      notes: null,
      recordedBy: 'user-coach',
      recordedAt: at,
    },
  },
] as const;
