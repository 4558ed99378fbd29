/**
 * Success examples for the governance queries' OpenAPI answers: one small, consistent
 * world (team-a in unit care-north of the Zorggroep, coach cora, members anna and bram).
 */
const TEAM = '01a2f3c4-5d6e-7f80-9123-456789abcdef';
const ORG = '01a2f3c4-0000-7000-8000-0000000000aa';
const PLAN = '01a2f3c4-0000-7000-8000-0000000000bb';
const AT = '2026-03-01T09:00:00.000Z';
const budget = { boundaryId: 't-month', kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month', decisionArea: null };
const unitCap = { boundaryId: 'u-cap', kind: 'financial', title: 'Unit cap', limit: { amount: 5000, currency: 'EUR' }, period: 'per-decision', decisionArea: null };
const safety = { boundaryId: 'u-night', kind: 'safety', title: 'Night visits in pairs', description: 'Night visits are always made by two people.', reference: null };
const mandate = {
  area: 'budget-spend',
  boardLevel: 7,
  boardLevelSetAt: '2026-02-01T09:00:00.000Z',
  financialLimits: [{ boundaryId: 't-month', title: 'Team budget', source: { level: 'team', teamId: TEAM }, limit: { amount: 1000, currency: 'EUR' }, period: 'month', decisionArea: null, spentInPeriod: { amount: 400, currency: 'EUR' } }],
  ruleBoundaryIds: ['u-night'],
};
const readiness = { requiredMemberIds: ['anna', 'bram'], saidYesMemberIds: ['anna'], missingMemberIds: ['bram'], ready: false };
const historyEntry = (type: string, topic: string, summary: string, by = 'cora', reason: string | null = null) => ({ position: 1, eventId: '01a2f3c4-1111-7000-8000-000000000001', type, topic, occurredAt: AT, by, reason, summary, data: {} });
const decision = {
  decisionId: 'd-1',
  status: 'recorded',
  area: 'budget-spend',
  title: 'Buy two laptops',
  actedUnderLevel: 7,
  rationale: 'Two colleagues work without a device',
  optionsConsidered: ['Buy', 'Lease', 'Wait for IT'],
  amount: { amount: 600, currency: 'EUR' },
  mandate,
  violations: [],
  by: 'anna',
  at: AT,
  answer: null,
};
const proposal = {
  proposalId: 'p-1',
  change: { action: 'set', boundary: { ...budget, limit: { amount: 1500, currency: 'EUR' } } },
  reason: 'more room for materials',
  closesAt: '2026-03-08T09:00:00.000Z',
  status: 'adopted',
  proposedBy: 'anna',
  proposedAt: AT,
  participantIds: ['anna', 'bram'],
  responses: [{ memberId: 'anna', response: 'consent', reason: null, at: AT }],
  outcome: { by: 'governance-scheduler', at: '2026-03-08T09:00:10.000Z', consentedIds: ['anna'], silentIds: ['bram'], byDeadline: true },
  answer: null,
  closedAt: '2026-03-08T09:00:10.000Z',
};
const teamDocument = {
  teamId: TEAM,
  streamId: `team-4:acme:${TEAM}`,
  name: 'Wijkteam Noord',
  unitId: 'care-north',
  purpose: 'Care close to home',
  phase: 'pilot',
  phaseSince: '2026-01-05T09:00:00.000Z',
  journeyStartedAt: '2026-01-05T09:00:00.000Z',
  memberCount: 3,
  createdBy: 'cora',
  createdAt: '2026-01-02T09:00:00.000Z',
  version: 12,
  updatedAt: AT,
};

export const EXAMPLES = {
  organisations: { items: [{ organisationId: ORG, name: 'Zorggroep', createdBy: 'lea', createdAt: AT, version: 5, updatedAt: AT }] },
  organisation: {
    organisationId: ORG,
    name: 'Zorggroep',
    units: [{ unitId: 'care', name: 'Zorg', boundaries: [unitCap], children: [{ unitId: 'care-north', name: 'Zorg Noord', boundaries: [safety], children: [] }] }],
    createdBy: 'lea',
    createdAt: AT,
    version: 5,
  },
  organisationHistory: { organisationId: ORG, entries: [historyEntry('UnitBoundarySet', 'boundaries', 'Unit care: set boundary Unit cap (EUR 5000 per decision).', 'lea', 'the frame for every care team')] },
  unitBoundaries: {
    organisationId: ORG,
    unitId: 'care-north',
    effective: [
      { boundary: unitCap, source: { level: 'unit', unitId: 'care' } },
      { boundary: safety, source: { level: 'unit', unitId: 'care-north' } },
    ],
  },
  rolloutPlans: { items: [{ planId: PLAN, name: 'Zorg 2026', unitId: 'care', createdBy: 'lea', createdAt: AT, version: 3, updatedAt: AT }] },
  rolloutPlan: {
    planId: PLAN,
    name: 'Zorg 2026',
    unitId: 'care',
    createdBy: 'lea',
    createdAt: AT,
    version: 3,
    updatedAt: AT,
    teams: [{ teamId: TEAM, wave: 'pilot', plannedStartOn: '2026-01-05', plannedSelfSteeringOn: '2026-12-31' }],
  },
  rolloutPlanHistory: { planId: PLAN, entries: [historyEntry('TeamScheduled', 'rollout', `Team ${TEAM} scheduled as pilot, starting 2026-01-05.`, 'lea')] },
  teams: {
    evaluatedAt: AT,
    thresholds: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12 },
    items: [{ ...teamDocument, stalled: false, stallReasons: [], monthsInPhase: 1 }],
    next: 'eyJhZnRlciI6IldpamsifQ',
  },
  team: teamDocument,
  teamBoundaries: {
    teamId: TEAM,
    unitId: 'care-north',
    own: [{ boundary: budget, setBy: 'cora', setAt: AT, reason: 'pilot budget', proposalId: null }],
    effective: [
      { boundary: unitCap, source: { level: 'unit', unitId: 'care' } },
      { boundary: budget, source: { level: 'team', teamId: TEAM } },
    ],
  },
  coaching: {
    teamId: TEAM,
    plan: [{ topic: 'budgeting', goal: 'Draft our own budget', plannedBy: 'cora', plannedAt: AT, sessionsHeld: 1 }],
    sessions: [{ sessionId: 's-1', topics: ['budgeting'], heldAt: AT, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes: 'Drafted the first budget together.', recordedBy: 'cora', recordedAt: AT }],
  },
  decisions: { teamId: TEAM, items: [decision] },
  decision: { teamId: TEAM, ...decision },
  delegationBoard: {
    teamId: TEAM,
    areas: [
      { area: 'budget-spend', title: 'Spending the team budget', custom: false, level: 7, effectiveLevel: 7, effectiveLevelName: 'Delegate', setAt: '2026-02-01T09:00:00.000Z', setBy: 'cora', reason: 'trust earned', reviewBy: '2026-06-01' },
      { area: 'hiring', title: 'Hiring', custom: false, level: null, effectiveLevel: 1, effectiveLevelName: 'Tell', setAt: null, setBy: null, reason: null, reviewBy: null },
    ],
  },
  teamEvents: {
    teamId: TEAM,
    events: [
      {
        eventId: '01a2f3c4-1111-7000-8000-000000000001',
        type: 'TeamCreated',
        schemaVersion: 1,
        streamId: `team-4:acme:${TEAM}`,
        streamPosition: 1,
        globalPosition: 42,
        tenantId: 'acme',
        occurredAt: AT,
        recordedAt: AT,
        actor: { id: 'cora', kind: 'user' },
        reason: 'pilot team',
        correlationId: '01a2f3c4-2222-7000-8000-000000000002',
        causationId: '01a2f3c4-3333-7000-8000-000000000003',
        data: { teamId: TEAM, name: 'Wijkteam Noord', unitId: 'care-north', purpose: 'Care close to home', createdBy: 'cora', createdAt: AT },
        metadata: {},
        hash: '9f2c1d3e4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      },
    ],
  },
  teamHistory: { teamId: TEAM, entries: [historyEntry('DelegationLevelChanged', 'delegation', 'budget-spend: level 5 (Advise) → 7 (Delegate).', 'cora', 'trust earned')] },
  mandate: { teamId: TEAM, asOf: AT, exists: true, ...mandate },
  members: {
    teamId: TEAM,
    members: [
      { memberId: 'cora', roles: ['coach'], addedAt: '2026-01-02T09:00:00.000Z', saidYes: false, yesGivenAt: null },
      { memberId: 'anna', roles: ['member'], addedAt: '2026-01-02T09:00:00.000Z', saidYes: true, yesGivenAt: '2026-01-04T09:00:00.000Z' },
      { memberId: 'bram', roles: ['member'], addedAt: '2026-01-02T09:00:00.000Z', saidYes: false, yesGivenAt: null },
    ],
    readiness,
  },
  phase: {
    teamId: TEAM,
    evaluatedAt: AT,
    thresholds: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12 },
    phase: 'pilot',
    phaseSince: '2026-01-05T09:00:00.000Z',
    daysInPhase: 55,
    monthsInPhase: 1,
    journeyStartedAt: '2026-01-05T09:00:00.000Z',
    monthsOnJourney: 1,
    stalled: false,
    reasons: [],
    history: [
      { phase: 'preparing', since: '2026-01-02T09:00:00.000Z' },
      { phase: 'pilot', since: '2026-01-05T09:00:00.000Z' },
    ],
    plannedStartOn: '2026-01-05',
    readiness,
  },
  principles: {
    teamId: TEAM,
    principles: [{ principleId: 'pr-1', rule: 'I am always honest, even when the truth is uncomfortable', value: 'integrity', status: 'active', adoptedBy: 'anna', adoptedAt: AT, revisedAt: null }],
  },
  proposals: { teamId: TEAM, proposals: [proposal] },
  proposal: { teamId: TEAM, ...proposal },
} as const;
