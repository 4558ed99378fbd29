import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, BRAM, CHEN, COACH, boundarySet, financial, fromUnit, levelChanged, memberAdded, phaseChanged, safety, staffedTeam, T0, TEAM, teamCreated, yesGiven } from './team.fixtures';
import { boundariesView, coachingView, delegationBoardView, membershipView, phaseProgress, principlesView, proposalsView, selfSteeringReadiness, teamSummary } from './team.queries';

/** The read models, pinned whole: the HTTP layer returns them as they are. */
const stateOf = (events: TeamEvent[]) => fold(teamDecider, events);
const at = (iso: string) => new Date(iso);
const FEB = '2026-02-01T00:00:00.000Z';
const sentBack = (changedAt: string): TeamEvent => ({
  type: 'TeamPhaseChanged',
  data: { teamId: TEAM, previousPhase: 'forming', phase: 'preparing', changedBy: COACH, changedAt, reason: 'two members left' },
});

describe('selfSteeringReadiness', () => {
  it('is not ready for a team without anyone holding the member role', () => {
    expect(selfSteeringReadiness(stateOf([teamCreated(), memberAdded(COACH, ['coach'])]))).toEqual({ requiredMemberIds: [], saidYesMemberIds: [], missingMemberIds: [], ready: false });
    expect(selfSteeringReadiness(teamDecider.initialState).ready).toBe(false);
  });

  it('is ready once every member said yes, counting a coach who also holds the member role', () => {
    const state = stateOf([teamCreated(), memberAdded(COACH, ['member', 'coach']), memberAdded(ANNA), yesGiven(COACH), yesGiven(ANNA)]);
    expect(selfSteeringReadiness(state)).toEqual({ requiredMemberIds: [COACH, ANNA], saidYesMemberIds: [COACH, ANNA], missingMemberIds: [], ready: true });
  });
});

describe('phaseProgress', () => {
  const forming = stateOf([teamCreated(), phaseChanged('preparing', 'forming', FEB)]);

  it('reports days and months in the phase, the journey and the phase history', () => {
    expect(phaseProgress(forming, at('2026-03-15T12:00:00.000Z'))).toEqual({
      phase: 'forming',
      phaseSince: FEB,
      daysInPhase: 42,
      monthsInPhase: 1,
      journeyStartedAt: FEB,
      monthsOnJourney: 1,
      stalled: false,
      reasons: [],
      history: [
        { phase: 'preparing', since: T0 },
        { phase: 'forming', since: FEB },
      ],
    });
  });

  it('has no journey while preparing', () => {
    expect(phaseProgress(stateOf([teamCreated()]), at('2026-01-15T09:00:00.000Z'))).toEqual({
      phase: 'preparing',
      phaseSince: T0,
      daysInPhase: 10,
      monthsInPhase: 0,
      journeyStartedAt: null,
      monthsOnJourney: null,
      stalled: false,
      reasons: [],
      history: [{ phase: 'preparing', since: T0 }],
    });
  });

  it('takes a team sent back to preparing off its journey, so its old start no longer counts', () => {
    const back = stateOf([teamCreated(), phaseChanged('preparing', 'forming', FEB), sentBack('2026-03-01T00:00:00.000Z')]);
    expect(phaseProgress(back, at('2027-06-01T00:00:00.000Z'))).toMatchObject({ phase: 'preparing', journeyStartedAt: null, monthsOnJourney: null, stalled: false, reasons: [] });
  });

  it('counts the journey from leaving preparing, not from the later phases', () => {
    const performing = stateOf([teamCreated(), phaseChanged('preparing', 'pilot', FEB), phaseChanged('pilot', 'forming', '2026-03-01T00:00:00.000Z'), phaseChanged('forming', 'performing', '2026-04-01T00:00:00.000Z')]);
    expect(phaseProgress(performing, at('2026-05-01T00:00:00.000Z'))).toMatchObject({ journeyStartedAt: FEB, monthsOnJourney: 3, monthsInPhase: 1 });
  });

  it('accepts a shorter journey than the default, stalling on its last day and not the day before', () => {
    const options = { maxMonthsInPhase: 24, maxMonthsOnJourney: 3 };
    expect(phaseProgress(forming, at('2026-04-30T23:59:59.000Z'), options)).toMatchObject({ stalled: false, reasons: [] });
    expect(phaseProgress(forming, at('2026-05-01T00:00:00.000Z'), options)).toMatchObject({ stalled: true, reasons: ['journey-too-long'] });
  });

  it('gives every reason that holds at once', () => {
    expect(phaseProgress(forming, at('2027-02-01T00:00:00.000Z'))).toMatchObject({ stalled: true, reasons: ['phase-too-long', 'journey-too-long'] });
  });

  it('does not call a started team overdue, whatever the planned start', () => {
    expect(phaseProgress(forming, at('2026-03-01T00:00:00.000Z'), { plannedStartOn: '2026-01-10' })).toMatchObject({ stalled: false, reasons: [] });
  });

  it('is null for a team that does not exist, and for a state without the start of its phase', () => {
    expect(phaseProgress({ ...teamDecider.initialState, phaseSince: T0 }, at('2026-03-01T00:00:00.000Z'))).toBeNull();
    expect(phaseProgress({ ...forming, phaseSince: null }, at('2026-03-01T00:00:00.000Z'))).toBeNull();
  });
});

describe('membershipView', () => {
  it('lists every member with roles, when they joined and their yes, with the readiness', () => {
    const state = stateOf([...staffedTeam, yesGiven(BRAM, '2026-01-10T10:00:00.000Z')]);
    expect(membershipView(state)).toEqual({
      teamId: TEAM,
      members: [
        { memberId: COACH, roles: ['coach'], addedAt: T0, saidYes: false, yesGivenAt: null },
        { memberId: ANNA, roles: ['member'], addedAt: T0, saidYes: false, yesGivenAt: null },
        { memberId: BRAM, roles: ['member'], addedAt: T0, saidYes: true, yesGivenAt: '2026-01-10T10:00:00.000Z' },
        { memberId: CHEN, roles: ['member'], addedAt: T0, saidYes: false, yesGivenAt: null },
      ],
      readiness: { requiredMemberIds: [ANNA, BRAM, CHEN], saidYesMemberIds: [BRAM], missingMemberIds: [ANNA, CHEN], ready: false },
    });
  });

  it('is empty for a team that does not exist', () => {
    expect(membershipView(teamDecider.initialState)).toEqual({ teamId: null, members: [], readiness: { requiredMemberIds: [], saidYesMemberIds: [], missingMemberIds: [], ready: false } });
  });
});

describe('boundariesView', () => {
  const state = stateOf([teamCreated(), boundarySet(financial('t-budget', 2000), T0, 'pilot budget'), boundarySet(safety, '2026-01-06T09:00:00.000Z', 'night visits')]);

  it('shows the team’s own boundaries with who set them, when and why', () => {
    expect(boundariesView(state)).toEqual({
      teamId: TEAM,
      own: [
        { boundary: financial('t-budget', 2000), setBy: COACH, setAt: T0, reason: 'pilot budget', proposalId: null, reviewBy: null },
        { boundary: safety, setBy: COACH, setAt: '2026-01-06T09:00:00.000Z', reason: 'night visits', proposalId: null, reviewBy: null },
      ],
      effective: [
        { boundary: financial('t-budget', 2000), source: { level: 'team', teamId: TEAM } },
        { boundary: safety, source: { level: 'team', teamId: TEAM } },
      ],
    });
  });

  it('puts the unit’s boundaries first in what the team must respect', () => {
    const unit = fromUnit(financial('u-limit', 5000));
    expect(boundariesView(state, [unit]).effective).toEqual([
      unit,
      { boundary: financial('t-budget', 2000), source: { level: 'team', teamId: TEAM } },
      { boundary: safety, source: { level: 'team', teamId: TEAM } },
    ]);
  });
});

describe('delegationBoardView', () => {
  it('shows what was set on an area, by whom and why, next to the areas nobody set', () => {
    const reviewed: TeamEvent = { ...levelChanged('planning', 5), data: { ...levelChanged('planning', 5).data, reviewBy: '2026-06-01' } } as TeamEvent;
    const areaAdded: TeamEvent = { type: 'DecisionAreaAdded', data: { teamId: TEAM, area: 'office-layout', title: 'Office layout', addedBy: COACH, addedAt: T0 } };
    const board = delegationBoardView(stateOf([teamCreated(), reviewed, areaAdded]));
    const unset = (area: string, title: string, custom = false) => ({ area, title, custom, level: null, effectiveLevel: 1, effectiveLevelName: 'Tell', setAt: null, setBy: null, reason: null, reviewBy: null });
    expect(board).toEqual({
      teamId: TEAM,
      areas: [
        unset('hiring', 'Hiring'),
        unset('budget-spend', 'Budget spend'),
        unset('tooling', 'Tooling'),
        { area: 'planning', title: 'Planning', custom: false, level: 5, effectiveLevel: 5, effectiveLevelName: 'Advise', setAt: T0, setBy: COACH, reason: 'trust grows', reviewBy: '2026-06-01' },
        unset('working-hours', 'Working hours'),
        unset('office-layout', 'Office layout', true),
      ],
    });
  });
});

describe('proposalsView', () => {
  it('lists each proposal with its latest response per member', () => {
    const change = { action: 'set' as const, boundary: financial('t-budget', 3000) };
    const state = stateOf([
      ...staffedTeam,
      {
        type: 'BoundaryChangeProposed',
        data: { teamId: TEAM, proposalId: 'p-1', change, reason: 'more room', closesAt: '2026-01-12T09:00:00.000Z', participantIds: [ANNA, BRAM], proposedBy: COACH, proposedAt: T0 },
      },
      { type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, objectedBy: ANNA, objectedAt: '2026-01-06T09:00:00.000Z', reason: 'too much' } },
      { type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, consentedBy: BRAM, consentedAt: '2026-01-07T09:00:00.000Z' } },
      { type: 'BoundaryChangeEscalated', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: ANNA, reason: 'too much' }], escalatedBy: COACH, escalatedAt: '2026-01-12T09:00:00.000Z' } },
    ]);
    expect(proposalsView(state)).toEqual([
      {
        proposalId: 'p-1',
        change,
        reason: 'more room',
        closesAt: '2026-01-12T09:00:00.000Z',
        participantIds: [ANNA, BRAM],
        proposedBy: COACH,
        proposedAt: T0,
        status: 'escalated',
        escalatedBy: COACH,
        escalatedAt: '2026-01-12T09:00:00.000Z',
        responses: [
          { memberId: ANNA, response: 'objection', reason: 'too much', at: '2026-01-06T09:00:00.000Z' },
          { memberId: BRAM, response: 'consent', reason: null, at: '2026-01-07T09:00:00.000Z' },
        ],
      },
    ]);
  });
});

describe('principlesView', () => {
  it('lists active and retired principles with their review dates', () => {
    const state = stateOf([
      teamCreated(),
      { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say what went wrong', value: 'Integrity', adoptedBy: ANNA, adoptedAt: T0 } },
      { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-2', rule: 'We help before we are asked', value: 'Care', adoptedBy: ANNA, adoptedAt: T0 } },
      { type: 'ReviewDateSet', data: { teamId: TEAM, subject: { kind: 'principle', id: 'pr-1' }, previousReviewBy: null, reviewBy: '2026-06-01', setBy: COACH, setAt: T0, reason: 'try it' } },
      { type: 'PrincipleRetired', data: { teamId: TEAM, principleId: 'pr-2', retiredBy: ANNA, retiredAt: T0, reason: 'merged into pr-1' } },
    ]);
    expect(principlesView(state)).toEqual([
      { principleId: 'pr-1', rule: 'We say what went wrong', value: 'Integrity', adoptedAt: T0, status: 'active', reviewBy: '2026-06-01' },
      { principleId: 'pr-2', rule: 'We help before we are asked', value: 'Care', adoptedAt: T0, status: 'retired', reviewBy: null },
    ]);
  });
});

describe('coachingView', () => {
  const held = (sessionId: string, heldAt: string, topics: string[]): TeamEvent => ({
    type: 'CoachingSessionHeld',
    data: { teamId: TEAM, sessionId, topics, heldAt, coachId: COACH, attendeeIds: [ANNA], notes: null, recordedBy: COACH, recordedAt: '2026-01-14T09:00:00.000Z' },
  });

  it('shows the plan with sessions held per topic, and the sessions in the order they took place', () => {
    const state = stateOf([
      ...staffedTeam,
      { type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'budgeting', goal: 'Draft our own budget', plannedBy: COACH, plannedAt: T0 } },
      { type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'planning', goal: null, plannedBy: COACH, plannedAt: T0 } },
      held('s-2', '2026-01-12T14:00:00.000Z', ['budgeting', 'planning']),
      held('s-1', '2026-01-08T14:00:00.000Z', ['budgeting']),
    ]);
    expect(coachingView(state)).toEqual({
      teamId: TEAM,
      plan: [
        { topic: 'budgeting', goal: 'Draft our own budget', plannedAt: T0, sessionsHeld: 2 },
        { topic: 'planning', goal: null, plannedAt: T0, sessionsHeld: 1 },
      ],
      sessions: [
        { sessionId: 's-1', topics: ['budgeting'], heldAt: '2026-01-08T14:00:00.000Z', coachId: COACH, attendeeIds: [ANNA] },
        { sessionId: 's-2', topics: ['budgeting', 'planning'], heldAt: '2026-01-12T14:00:00.000Z', coachId: COACH, attendeeIds: [ANNA] },
      ],
    });
  });
});

describe('teamSummary', () => {
  it('sums up the team: who created it, its phase, how many members and the readiness', () => {
    const created: TeamEvent = { type: 'TeamCreated', data: { teamId: TEAM, name: 'Wijkteam Noord', unitId: 'unit-care', purpose: 'Care close to home', createdBy: COACH, createdAt: T0 } };
    const state = stateOf([created, memberAdded(COACH, ['coach']), memberAdded(ANNA), phaseChanged('preparing', 'forming', FEB)]);
    expect(teamSummary(state)).toEqual({
      exists: true,
      teamId: TEAM,
      name: 'Wijkteam Noord',
      unitId: 'unit-care',
      purpose: 'Care close to home',
      createdBy: COACH,
      createdAt: T0,
      phase: 'forming',
      phaseSince: FEB,
      memberCount: 2,
      readiness: { requiredMemberIds: [ANNA], saidYesMemberIds: [], missingMemberIds: [ANNA], ready: false },
    });
  });

  it('says so when the team does not exist', () => {
    expect(teamSummary(teamDecider.initialState)).toEqual({
      exists: false,
      teamId: null,
      name: null,
      unitId: null,
      purpose: null,
      createdBy: null,
      createdAt: null,
      phase: 'preparing',
      phaseSince: null,
      memberCount: 0,
      readiness: { requiredMemberIds: [], saidYesMemberIds: [], missingMemberIds: [], ready: false },
    });
  });
});
