import { describe, expect, it } from '@jest/globals';
import type { CommandContext, Decider, DomainEvent, NewEvent } from '@leerzone/kernel';
import { EventSchemaRegistry, isRejection, toNewEvent } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { organisationDecider } from '../organisation/organisation.decider';
import { rolloutPlanDecider } from '../rollout-plan/rollout-plan.decider';
import { teamDecider } from '../team/team.decider';
import type { TeamCommand } from '../team/team.commands';
import { financial, fromUnit, safety } from '../team/team.fixtures';
import { governanceSettingsEventExamples } from '../catalogue/event-examples.fixtures';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../settings/settings.decider';
import { organisationHistory, rolloutPlanHistory, teamHistory } from './history.queries';
import {
  governanceSettingsAsOf,
  organisationStateAsOf,
  rolloutPlanAsOf,
  rolloutPlanStateAsOf,
  teamBoundariesAsOf,
  teamDelegationBoardAsOf,
  teamMandateAsOf,
  teamMembershipAsOf,
  teamStateAsOf,
  unitBoundariesAsOf,
} from './time-travel.queries';

type Step<C> = readonly [command: C, at: string, actor: string, reason?: string];

/** Runs commands through a decider as the command handler would, yielding what a store would hand back. */
function replay<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, steps: readonly Step<C>[]): (NewEvent & { streamPosition: number })[] {
  let state = decider.initialState;
  const stored: (NewEvent & { streamPosition: number })[] = [];
  for (const [command, at, actor, reason] of steps) {
    const ctx: CommandContext = testContext({ now: new Date(at), actor: { id: actor, kind: 'user' }, ...(reason ? { reason } : {}) });
    const decision = decider.decide(command, state, ctx);
    if (isRejection(decision)) throw new Error(`${decision.code}: ${decision.message}`);
    for (const event of decision) {
      state = decider.evolve(state, event);
      stored.push({ ...toNewEvent(event, ctx, `e-${stored.length + 1}`, new EventSchemaRegistry()), streamPosition: stored.length + 1 });
    }
  }
  return stored;
}

const TEAM = 'team-a';
const COACH = 'user-coach';
const ANNA = 'user-anna';
const frame = [fromUnit(financial('u-limit', 10000))];
const team: Step<TeamCommand>[] = [
  [{ type: 'CreateTeam', data: { teamId: TEAM, name: 'Wijkteam Noord', unitId: 'care' } }, '2026-01-01T09:00:00Z', COACH],
  [{ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: ['member'] } }, '2026-01-02T09:00:00Z', COACH],
  [{ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary: financial('t-budget', 2000), unitBoundaries: frame } }, '2026-02-01T09:00:00Z', COACH, 'pilot budget'],
  [{ type: 'SetDelegationLevel', data: { teamId: TEAM, area: 'budget-spend', level: 5 } }, '2026-02-01T10:00:00Z', COACH, 'start with advice'],
  [{ type: 'AddMember', data: { teamId: TEAM, memberId: 'user-bram', roles: ['member'] } }, '2026-02-15T09:00:00Z', COACH],
  [{ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, '2026-02-20T09:00:00Z', ANNA],
  [{ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary: financial('t-budget', 4000), unitBoundaries: frame } }, '2026-03-01T09:00:00Z', COACH, 'pilot went well'],
  [{ type: 'SetDelegationLevel', data: { teamId: TEAM, area: 'budget-spend', level: 7 } }, '2026-03-01T10:00:00Z', COACH, 'trust earned'],
  [{ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary: safety, unitBoundaries: frame } }, '2026-03-10T09:00:00Z', COACH, 'night visits'],
  [{ type: 'RemoveMember', data: { teamId: TEAM, memberId: 'user-bram' } }, '2026-04-01T09:00:00Z', COACH, 'moved to team B'],
];
const events = replay(teamDecider, team);

const budgetLimitAsOf = (iso: string) => {
  const own = teamBoundariesAsOf(events, new Date(iso)).own.find((e) => e.boundary.boundaryId === 't-budget');
  return own && own.boundary.kind === 'financial' ? own.boundary.limit.amount : null;
};

describe('time travel over a team', () => {
  it('shows each version of a boundary changed twice at the right time', () => {
    expect(budgetLimitAsOf('2026-01-31T23:59:59Z')).toBeNull();
    expect(budgetLimitAsOf('2026-02-01T09:00:00Z')).toBe(2000);
    expect(budgetLimitAsOf('2026-02-28T23:59:59Z')).toBe(2000);
    expect(budgetLimitAsOf('2026-03-01T09:00:00Z')).toBe(4000);
    expect(budgetLimitAsOf('2027-01-01T00:00:00Z')).toBe(4000);
  });

  it('says who set a boundary, when and why, as of a moment', () => {
    const view = teamBoundariesAsOf(events, new Date('2026-02-10T00:00:00Z'), frame);
    expect(view).toMatchObject({ asOf: '2026-02-10T00:00:00.000Z', exists: true, own: [{ setBy: COACH, setAt: '2026-02-01T09:00:00.000Z', reason: 'pilot budget' }] });
    expect(view.effective.map((e) => e.boundary.boundaryId)).toEqual(['u-limit', 't-budget']);
  });

  it('rebuilds the delegation board as of a moment', () => {
    const level = (iso: string) => teamDelegationBoardAsOf(events, new Date(iso)).areas.find((a) => a.area === 'budget-spend');
    expect(level('2026-01-15T00:00:00Z')).toMatchObject({ level: null, effectiveLevel: 1 });
    expect(level('2026-02-15T00:00:00Z')).toMatchObject({ level: 5, effectiveLevelName: 'Advise', reason: 'start with advice' });
    expect(level('2026-03-02T00:00:00Z')).toMatchObject({ level: 7, effectiveLevelName: 'Delegate', reason: 'trust earned' });
  });

  it('rebuilds membership and the yes as of a moment', () => {
    const members = (iso: string) => teamMembershipAsOf(events, new Date(iso));
    expect(members('2026-02-16T00:00:00Z').members.map((m) => [m.memberId, m.saidYes])).toEqual([[ANNA, false], ['user-bram', false]]);
    expect(members('2026-03-15T00:00:00Z').members.map((m) => [m.memberId, m.saidYes])).toEqual([[ANNA, true], ['user-bram', false]]);
    expect(members('2026-04-02T00:00:00Z')).toMatchObject({ members: [{ memberId: ANNA, saidYes: true }], readiness: { ready: true } });
  });

  it('is empty before the team existed', () => {
    expect(teamMembershipAsOf(events, new Date('2025-12-31T00:00:00Z'))).toMatchObject({ exists: false, members: [] });
  });

  it('answers "what could the team decide about budget spend on that date, within which boundaries?"', () => {
    expect(teamMandateAsOf(events, new Date('2026-02-15T00:00:00Z'), 'budget-spend', frame)).toMatchObject({
      boardLevel: 5,
      financialLimits: [{ boundaryId: 'u-limit' }, { boundaryId: 't-budget', limit: { amount: 2000 } }],
      ruleBoundaryIds: [],
    });
    expect(teamMandateAsOf(events, new Date('2026-03-15T00:00:00Z'), 'budget-spend', frame)).toMatchObject({
      boardLevel: 7,
      financialLimits: [{ boundaryId: 'u-limit' }, { boundaryId: 't-budget', limit: { amount: 4000 } }],
      ruleBoundaryIds: ['b-safety'],
    });
  });

  it('filters on occurredAt, not on stream order', () => {
    const skewed = [...events, { ...events[events.length - 1]!, type: 'TeamRenamed', data: { teamId: TEAM, previousName: 'Wijkteam Noord', name: 'Late', renamedBy: COACH, renamedAt: '2026-01-01T10:00:00.000Z' }, occurredAt: '2026-01-01T10:00:00.000Z' }];
    expect(teamStateAsOf(skewed, new Date('2026-01-01T12:00:00Z')).name).toBe('Late');
  });

  it('refuses events of another aggregate and an invalid moment', () => {
    expect(() => teamStateAsOf([{ type: 'UnitAdded', data: {}, occurredAt: '2026-01-01T00:00:00Z' }], new Date('2026-02-01T00:00:00Z'))).toThrow('UnitAdded is not a team event');
    expect(() => teamStateAsOf(events, new Date('not a date'))).toThrow(RangeError);
    expect(() => teamStateAsOf(events, new Date('not a date'))).toThrow('asOf is not a valid date.');
  });

  it('names the stream a foreign event was passed into', () => {
    expect(() => organisationStateAsOf(events, new Date('2026-02-01T00:00:00Z'))).toThrow(/^TeamCreated is not a.* organisation event/);
    expect(() => rolloutPlanStateAsOf(events, new Date('2026-02-01T00:00:00Z'))).toThrow(/^TeamCreated is not a.* rollout plan event/);
  });

  it("holds only the team's own boundaries when no unit frame is passed", () => {
    const asOf = new Date('2026-02-10T00:00:00Z');
    expect(teamBoundariesAsOf(events, asOf).effective).toEqual([{ boundary: financial('t-budget', 2000), source: { level: 'team', teamId: TEAM } }]);
    expect(teamMandateAsOf(events, asOf, 'budget-spend').financialLimits.map((l) => l.boundaryId)).toEqual(['t-budget']);
  });
});

describe('governance settings as of a moment', () => {
  const changed = { ...governanceSettingsEventExamples.GovernanceSettingsChanged, occurredAt: '2026-03-01T09:00:00.000Z' };

  it('are the defaults, and exist, before anyone changed them', () => {
    expect(governanceSettingsAsOf([changed], new Date('2026-02-01T00:00:00Z'))).toEqual({
      asOf: '2026-02-01T00:00:00.000Z',
      exists: true,
      configured: false,
      settings: DEFAULT_GOVERNANCE_SETTINGS,
      changedAt: null,
      changedBy: null,
      reason: null,
    });
  });

  it('are the changed ones from the moment of the change', () => {
    expect(governanceSettingsAsOf([changed], new Date('2026-03-01T09:00:00Z'))).toMatchObject({
      exists: true,
      configured: true,
      settings: changed.data.settings,
      changedBy: 'user-lead',
      reason: 'large units need more time per phase',
    });
  });

  it('refuse an event of another stream', () => {
    expect(() => governanceSettingsAsOf(events, new Date('2026-02-01T00:00:00Z'))).toThrow(/^TeamCreated is not a.* governance settings event/);
  });
});

describe('history', () => {
  it('lists each change with who, when and why', () => {
    const history = teamHistory(events);
    expect(history).toHaveLength(events.length);
    expect(history[2]).toEqual({
      position: 3,
      eventId: 'e-3',
      type: 'TeamBoundarySet',
      topic: 'boundaries',
      occurredAt: '2026-02-01T09:00:00.000Z',
      by: COACH,
      reason: 'pilot budget',
      summary: 'Set boundary Limit t-budget (EUR 2000 per decision).',
      data: events[2]!.data,
    });
    expect(history[5]).toMatchObject({ type: 'YesGiven', topic: 'yes', by: ANNA, summary: 'user-anna said yes to self-steering.' });
  });

  it('filters by topic and time', () => {
    expect(teamHistory(events, { topics: ['boundaries'] }).map((h) => [h.occurredAt, h.reason, h.summary])).toEqual([
      ['2026-02-01T09:00:00.000Z', 'pilot budget', 'Set boundary Limit t-budget (EUR 2000 per decision).'],
      ['2026-03-01T09:00:00.000Z', 'pilot went well', 'Changed boundary Limit t-budget (EUR 4000 per decision), was Limit t-budget (EUR 2000 per decision).'],
      ['2026-03-10T09:00:00.000Z', 'night visits', 'Set boundary Two people on night visits (safety).'],
    ]);
    expect(teamHistory(events, { topics: ['delegation'], from: new Date('2026-02-15T00:00:00Z') }).map((h) => h.summary)).toEqual(['budget-spend: level 5 (Advise) → 7 (Delegate).']);
    expect(teamHistory(events, { topics: ['membership'], to: new Date('2026-03-01T00:00:00Z') }).map((h) => h.summary)).toEqual([
      'user-anna joined as member.',
      'user-bram joined as member.',
    ]);
  });

  it('covers the organisation and the rollout plan too', () => {
    const org = replay(organisationDecider, [
      [{ type: 'CreateOrganisation', data: { organisationId: 'org', name: 'Zorggroep' } }, '2026-01-01T00:00:00Z', 'lead'],
      [{ type: 'AddUnit', data: { organisationId: 'org', unitId: 'care', name: 'Zorg' } }, '2026-01-01T01:00:00Z', 'lead'],
      [{ type: 'SetUnitBoundary', data: { organisationId: 'org', unitId: 'care', boundary: financial('u-limit', 10000) } }, '2026-01-02T00:00:00Z', 'lead', 'board decision'],
      [{ type: 'SetUnitBoundary', data: { organisationId: 'org', unitId: 'care', boundary: financial('u-limit', 8000) } }, '2026-06-01T00:00:00Z', 'lead', 'savings'],
    ]);
    expect(unitBoundariesAsOf(org, 'care', new Date('2026-03-01T00:00:00Z'))).toEqual([fromUnit(financial('u-limit', 10000), 'care')]);
    expect(unitBoundariesAsOf(org, 'care', new Date('2026-06-02T00:00:00Z'))).toEqual([fromUnit(financial('u-limit', 8000), 'care')]);
    expect(organisationStateAsOf(org, new Date('2025-01-01T00:00:00Z')).exists).toBe(false);
    expect(organisationHistory(org, { topics: ['boundaries'] }).map((h) => [h.by, h.reason])).toEqual([
      ['lead', 'board decision'],
      ['lead', 'savings'],
    ]);

    const plan = replay(rolloutPlanDecider, [
      [{ type: 'CreateRolloutPlan', data: { planId: 'p', name: 'Zorg 2026' } }, '2026-01-01T00:00:00Z', 'lead'],
      [{ type: 'ScheduleTeam', data: { planId: 'p', teamId: TEAM, wave: 'pilot', plannedStartOn: '2026-03-01' } }, '2026-01-02T00:00:00Z', 'lead'],
      [{ type: 'RescheduleTeam', data: { planId: 'p', teamId: TEAM, wave: 'pilot', plannedStartOn: '2026-04-01' } }, '2026-02-01T00:00:00Z', 'lead', 'coach on leave'],
    ]);
    expect(rolloutPlanAsOf(plan, new Date('2026-01-15T00:00:00Z')).teams).toEqual([{ teamId: TEAM, wave: 'pilot', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: null }]);
    expect(rolloutPlanHistory(plan).map((h) => h.reason)).toEqual([null, null, 'coach on leave']);
    expect(() => organisationHistory(events)).toThrow('TeamCreated does not belong to this history');
  });
});
