import { describe, expect, it } from '@jest/globals';
import { teamEventExamples as ex } from '../catalogue/event-examples.fixtures';
import type { TeamEvent } from './team.events';
import { ANNA, boundarySet, BRAM, COACH, financial, levelChanged, memberAdded, safety, T0, TEAM, teamCreated } from './team.fixtures';
import type { TeamState } from './team.state';
import { evolveTeam, initialTeamState } from './team.state';

/** What each event leaves in the team's state: the rules and the read models read it from here. */
const evolve = (events: readonly TeamEvent[], from: TeamState = initialTeamState): TeamState => events.reduce(evolveTeam, from);
const created = evolve([teamCreated(), memberAdded(ANNA), memberAdded(BRAM)]);
const unset = (area: string, title: string) => ({ area, title, custom: false, level: null, levelSetAt: null, levelSetBy: null, levelReason: null, reviewBy: null });
const LATER = '2026-02-01T09:00:00.000Z';

describe('the state before the team exists', () => {
  it('holds no team, the preparing phase without a start, and the standard board with nothing delegated', () => {
    expect(initialTeamState).toEqual({
      exists: false,
      teamId: null,
      name: null,
      unitId: null,
      purpose: null,
      createdBy: null,
      createdAt: null,
      phase: 'preparing',
      phaseSince: null,
      phaseHistory: [],
      members: new Map(),
      coachingTopics: new Map(),
      coachingSessions: new Map(),
      boundaries: new Map(),
      proposals: new Map(),
      decisionAreas: new Map([
        ['hiring', unset('hiring', 'Hiring')],
        ['budget-spend', unset('budget-spend', 'Budget spend')],
        ['tooling', unset('tooling', 'Tooling')],
        ['planning', unset('planning', 'Planning')],
        ['working-hours', unset('working-hours', 'Working hours')],
      ]),
      decisions: new Map(),
      principles: new Map(),
    });
  });
});

describe('lifecycle', () => {
  it('TeamCreated: the team exists, preparing since its creation', () => {
    const state = evolve([ex.TeamCreated]);
    expect(state).toMatchObject({
      exists: true,
      teamId: 'team-a',
      name: 'Wijkteam Noord',
      unitId: 'unit-care',
      purpose: 'Care close to home',
      createdBy: 'user-coach',
      createdAt: '2026-03-01T09:00:00.000Z',
      phase: 'preparing',
      phaseSince: '2026-03-01T09:00:00.000Z',
      phaseHistory: [{ phase: 'preparing', since: '2026-03-01T09:00:00.000Z' }],
    });
  });

  it('TeamRenamed and TeamMovedToUnit change only the name and the unit', () => {
    const state = evolve([ex.TeamCreated, ex.TeamRenamed, ex.TeamMovedToUnit]);
    expect(state).toEqual({ ...evolve([ex.TeamCreated]), name: 'Wijkteam Oost', unitId: 'unit-east' });
  });

  it('TeamPhaseChanged: the new phase, since when, appended to the history', () => {
    const state = evolve([{ type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'preparing', phase: 'forming', changedBy: COACH, changedAt: LATER, reason: null } }], created);
    expect(state).toEqual({
      ...created,
      phase: 'forming',
      phaseSince: LATER,
      phaseHistory: [
        { phase: 'preparing', since: T0 },
        { phase: 'forming', since: LATER },
      ],
    });
  });
});

describe('membership and the yes', () => {
  it('MemberAdded: a member with roles and without a yes', () => {
    expect(evolve([memberAdded('user-dana', ['member', 'analyst'], LATER)], created).members.get('user-dana')).toEqual({ memberId: 'user-dana', roles: ['member', 'analyst'], addedAt: LATER, yesGivenAt: null });
  });

  it('MemberRolesChanged, YesGiven and YesWithdrawn change that one member', () => {
    const rolesChanged: TeamEvent = { type: 'MemberRolesChanged', data: { teamId: TEAM, memberId: ANNA, previousRoles: ['member'], roles: ['member', 'analyst'], changedBy: COACH, changedAt: LATER } };
    const yes: TeamEvent = { type: 'YesGiven', data: { teamId: TEAM, memberId: ANNA, givenBy: ANNA, givenAt: LATER } };
    const withYes = evolve([rolesChanged, yes], created);
    expect([...withYes.members.values()]).toEqual([
      { memberId: ANNA, roles: ['member', 'analyst'], addedAt: T0, yesGivenAt: LATER },
      { memberId: BRAM, roles: ['member'], addedAt: T0, yesGivenAt: null },
    ]);
    const withdrawn = evolve([{ type: 'YesWithdrawn', data: { teamId: TEAM, memberId: ANNA, withdrawnBy: ANNA, withdrawnAt: LATER, reason: null } }], withYes);
    expect(withdrawn.members.get(ANNA)).toEqual({ memberId: ANNA, roles: ['member', 'analyst'], addedAt: T0, yesGivenAt: null });
  });

  it('MemberRemoved: the member is gone, the others stay', () => {
    expect([...evolve([{ type: 'MemberRemoved', data: { teamId: TEAM, memberId: ANNA, removedBy: COACH, removedAt: LATER, reason: null } }], created).members.keys()]).toEqual([BRAM]);
  });
});

describe('coaching', () => {
  const planned = (topic: string): TeamEvent => ({ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic, goal: null, plannedBy: COACH, plannedAt: T0 } });
  const held = (sessionId: string, topics: string[]): TeamEvent => ({
    type: 'CoachingSessionHeld',
    data: { teamId: TEAM, sessionId, topics, heldAt: LATER, coachId: COACH, attendeeIds: [ANNA, BRAM], notes: null, recordedBy: COACH, recordedAt: LATER },
  });

  it('counts each session on every planned topic it covered; a topic never planned stays off the plan', () => {
    const state = evolve([planned('budgeting'), planned('planning'), held('s-1', ['budgeting', 'planning']), held('s-2', ['budgeting', 'conflict-resolution'])], created);
    expect([...state.coachingTopics.values()]).toEqual([
      { topic: 'budgeting', goal: null, plannedAt: T0, sessionsHeld: 2 },
      { topic: 'planning', goal: null, plannedAt: T0, sessionsHeld: 1 },
    ]);
  });

  it('keeps the session without its notes', () => {
    const state = evolve([ex.CoachingSessionHeld], created);
    expect(state.coachingSessions).toEqual(new Map([['s-1', { sessionId: 's-1', topics: ['budgeting'], heldAt: '2026-02-28T14:00:00.000Z', coachId: 'user-coach', attendeeIds: ['user-anna', 'user-bram'] }]]));
  });
});

describe('boundaries and review dates', () => {
  const reviewDate = (kind: 'boundary' | 'principle' | 'delegation', id: string, reviewBy: string | null): TeamEvent => ({
    type: 'ReviewDateSet',
    data: { teamId: TEAM, subject: { kind, id }, previousReviewBy: null, reviewBy, setBy: COACH, setAt: T0, reason: 'safe enough to try' },
  });

  it('TeamBoundarySet: a new boundary has no review date; one set again keeps its date', () => {
    const proposalSet: TeamEvent = { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: safety, previous: null, setBy: ANNA, setAt: T0, reason: 'night visits', proposalId: 'p-1' } };
    const state = evolve([boundarySet(financial('t-budget', 2000)), reviewDate('boundary', 't-budget', '2026-06-01'), boundarySet(financial('t-budget', 3000), LATER, 'more room'), proposalSet], created);
    expect(state.boundaries).toEqual(
      new Map([
        ['t-budget', { boundary: financial('t-budget', 3000), setBy: COACH, setAt: LATER, reason: 'more room', proposalId: null, reviewBy: '2026-06-01' }],
        ['b-safety', { boundary: safety, setBy: ANNA, setAt: T0, reason: 'night visits', proposalId: 'p-1', reviewBy: null }],
      ]),
    );
  });

  it('TeamBoundaryRemoved: the boundary and its review date are gone; setting it again starts without one', () => {
    const removed: TeamEvent = { type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 't-budget', previous: financial('t-budget', 2000), removedBy: COACH, removedAt: LATER, reason: 'not needed', proposalId: null } };
    const state = evolve([boundarySet(financial('t-budget', 2000)), reviewDate('boundary', 't-budget', '2026-06-01'), boundarySet(safety), removed], created);
    expect([...state.boundaries.keys()]).toEqual(['b-safety']);
    expect(evolve([boundarySet(financial('t-budget', 2000))], state).boundaries.get('t-budget')?.reviewBy).toBeNull();
  });

  const reviewed = (kind: 'boundary' | 'principle' | 'delegation', id: string, nextReviewBy: string | null): TeamEvent => ({
    type: 'AgreementReviewed',
    data: { teamId: TEAM, subject: { kind, id }, outcome: 'kept', nextReviewBy, reviewedBy: COACH, reviewedAt: T0, reason: 'still fits' },
  });
  const principle: TeamEvent = { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say it', value: 'Openness', adoptedBy: ANNA, adoptedAt: T0 } };
  const withSubjects = evolve([boundarySet(financial('t-budget', 2000)), levelChanged('planning', 5), principle], created);
  const reviewByOf = (state: TeamState) => [state.boundaries.get('t-budget')?.reviewBy, state.principles.get('pr-1')?.reviewBy, state.decisionAreas.get('planning')?.reviewBy];

  it.each([
    ['ReviewDateSet', reviewDate],
    ['AgreementReviewed', reviewed],
  ] as const)('%s puts the date on its subject only, and null takes it off again', (_, dated) => {
    const onBoundary = evolve([dated('boundary', 't-budget', '2026-06-01')], withSubjects);
    expect(reviewByOf(onBoundary)).toEqual(['2026-06-01', null, null]);
    const onPrinciple = evolve([dated('principle', 'pr-1', '2026-07-01')], onBoundary);
    expect(reviewByOf(onPrinciple)).toEqual(['2026-06-01', '2026-07-01', null]);
    const onLevel = evolve([dated('delegation', 'planning', '2026-08-01')], onPrinciple);
    expect(reviewByOf(onLevel)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01']);
    expect(evolve([dated('boundary', 't-budget', null), dated('principle', 'pr-1', null), dated('delegation', 'planning', null)], onLevel)).toEqual(withSubjects);
  });

  it('a retired principle takes no review date, and a subject removed meanwhile gets none', () => {
    const state = evolve([ex.PrincipleAdopted, ex.PrincipleRetired, reviewDate('principle', 'pr-1', '2026-06-01'), reviewDate('boundary', 'b-gone', '2026-06-01'), reviewDate('delegation', 'no-area', '2026-06-01')], created);
    expect(state.principles.get('pr-1')).toMatchObject({ status: 'retired', reviewBy: null });
    expect(state.boundaries.size).toBe(0);
    expect(state.decisionAreas.has('no-area')).toBe(false);
  });
});

describe('consent proposals', () => {
  const opened = evolve([ex.BoundaryChangeProposed], evolve([ex.TeamCreated]));

  it('BoundaryChangeProposed: open, with its participants and no responses', () => {
    const { teamId: _teamId, ...proposed } = ex.BoundaryChangeProposed.data;
    expect(opened.proposals.get('p-1')).toEqual({ ...proposed, status: 'open', escalatedBy: null, escalatedAt: null, responses: new Map() });
  });

  it('keeps each participant’s latest response', () => {
    const changedMind: TeamEvent = { ...ex.BoundaryChangeConsented, data: { ...ex.BoundaryChangeConsented.data, memberId: 'user-bram', consentedAt: LATER } };
    const state = evolve([ex.BoundaryChangeConsented, ex.BoundaryChangeObjected, changedMind], opened);
    expect(state.proposals.get('p-1')?.responses).toEqual(
      new Map([
        ['user-anna', { response: 'consent', reason: null, at: '2026-03-01T09:00:00.000Z' }],
        ['user-bram', { response: 'consent', reason: null, at: LATER }],
      ]),
    );
    expect(evolve([ex.BoundaryChangeObjected], opened).proposals.get('p-1')?.responses.get('user-bram')).toEqual({ response: 'objection', reason: 'we overspent last month', at: '2026-03-01T09:00:00.000Z' });
  });

  it.each([
    ['BoundaryChangeAdopted', 'adopted', [ex.BoundaryChangeAdopted]],
    ['BoundaryChangeAdoptedByDeadline', 'adopted', [ex.BoundaryChangeAdoptedByDeadline]],
    ['BoundaryChangeWithdrawn', 'withdrawn', [ex.BoundaryChangeWithdrawn]],
    ['BoundaryChangeLapsed', 'lapsed', [ex.BoundaryChangeLapsed]],
    ['EscalatedBoundaryChangeApproved', 'approved', [ex.BoundaryChangeEscalated, ex.EscalatedBoundaryChangeApproved]],
    ['EscalatedBoundaryChangeDeclined', 'declined', [ex.BoundaryChangeEscalated, ex.EscalatedBoundaryChangeDeclined]],
  ] as const)('%s leaves the proposal %s, keeping everything else', (_, status, events) => {
    const state = evolve(events, opened);
    const escalated = events[0].type === 'BoundaryChangeEscalated';
    expect(state.proposals.get('p-1')).toEqual({
      ...opened.proposals.get('p-1'),
      status,
      escalatedBy: escalated ? 'user-coach' : null,
      escalatedAt: escalated ? '2026-03-01T09:00:00.000Z' : null,
    });
  });

  it('BoundaryChangeEscalated: escalated, with who escalated it and when', () => {
    expect(evolve([ex.BoundaryChangeEscalated], opened).proposals.get('p-1')).toMatchObject({ status: 'escalated', escalatedBy: 'user-coach', escalatedAt: '2026-03-01T09:00:00.000Z' });
  });
});

describe('delegation board', () => {
  it('DecisionAreaAdded: a custom area, not delegated', () => {
    expect(evolve([ex.DecisionAreaAdded], created).decisionAreas.get('office-layout')).toEqual({
      area: 'office-layout',
      title: 'Office layout',
      custom: true,
      level: null,
      levelSetAt: null,
      levelSetBy: null,
      levelReason: null,
      reviewBy: null,
    });
  });

  it('DelegationLevelChanged: the level with when, by whom, why and its review date', () => {
    expect(evolve([ex.DelegationLevelChanged], created).decisionAreas.get('budget-spend')).toEqual({
      area: 'budget-spend',
      title: 'Budget spend',
      custom: false,
      level: 7,
      levelSetAt: '2026-03-01T09:00:00.000Z',
      levelSetBy: 'user-coach',
      levelReason: 'trust earned',
      reviewBy: '2026-09-01',
    });
  });
});

describe('decisions', () => {
  it('DecisionRecorded: recorded, by whom and when, without an escalation', () => {
    expect(evolve([ex.DecisionRecorded], created).decisions).toEqual(
      new Map([['d-1', { decisionId: 'd-1', area: 'budget-spend', status: 'recorded', amount: { amount: 1800, currency: 'EUR' }, decidedAt: '2026-03-01T09:00:00.000Z', decidedBy: 'user-anna', escalation: null }]]),
    );
  });

  it('DecisionEscalated: escalated, with the mandate it was checked against and what put it outside', () => {
    const escalated: TeamEvent = { ...ex.DecisionEscalated, data: { ...ex.DecisionEscalated.data, escalatedBy: 'user-bram', escalatedAt: LATER } };
    expect(evolve([escalated], created).decisions.get('d-1')).toEqual({
      decisionId: 'd-1',
      area: 'budget-spend',
      status: 'escalated',
      amount: { amount: 2500, currency: 'EUR' },
      decidedAt: LATER,
      decidedBy: 'user-bram',
      escalation: { mandate: ex.DecisionEscalated.data.mandate, violations: ex.DecisionEscalated.data.violations },
    });
  });

  it.each([
    ['EscalatedDecisionApproved', 'approved', ex.EscalatedDecisionApproved],
    ['EscalatedDecisionDeclined', 'declined', ex.EscalatedDecisionDeclined],
  ] as const)('%s leaves the escalated decision %s, keeping the rest', (_, status, answer) => {
    const escalated = evolve([ex.DecisionEscalated], created);
    expect(evolve([answer], escalated).decisions.get('d-1')).toEqual({ ...escalated.decisions.get('d-1'), status });
  });
});

describe('principles', () => {
  it('PrincipleAdopted, PrincipleRevised, PrincipleRetired', () => {
    const adopted = evolve([ex.PrincipleAdopted], created);
    expect(adopted.principles.get('pr-1')).toEqual({ principleId: 'pr-1', rule: 'I am always honest, even when the truth is uncomfortable', value: 'Integrity', adoptedAt: '2026-03-01T09:00:00.000Z', status: 'active', reviewBy: null });
    const revised = evolve([{ ...ex.PrincipleRevised, data: { ...ex.PrincipleRevised.data, value: 'Candour' } }], adopted);
    expect(revised.principles.get('pr-1')).toEqual({ ...adopted.principles.get('pr-1'), rule: 'I say what went wrong before anyone has to ask', value: 'Candour' });
    expect(evolve([ex.PrincipleRetired], revised).principles.get('pr-1')).toEqual({ ...revised.principles.get('pr-1'), status: 'retired' });
  });
});

describe('events this code does not know', () => {
  it('fail loudly instead of leaving the state behind', () => {
    expect(() => evolveTeam(created, { type: 'TeamSplit', data: { teamId: TEAM } } as unknown as TeamEvent)).toThrow('Unexpected value');
    const onAnOkr = { type: 'ReviewDateSet', data: { teamId: TEAM, subject: { kind: 'okr', id: 'o-1' }, previousReviewBy: null, reviewBy: '2026-06-01', setBy: COACH, setAt: T0, reason: 'x' } };
    expect(() => evolveTeam(created, onAnOkr as unknown as TeamEvent)).toThrow('Unexpected value: "okr"');
  });
});
