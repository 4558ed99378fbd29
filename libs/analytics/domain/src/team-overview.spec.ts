import { TeamFactError, readTeamFact } from './team-facts';
import { COUNTED_FIELDS, summariseTeamGroups, summariseTeams, type TeamOverview } from './team-overview';

const AT = '2026-03-02T09:00:00.000Z';
const event = (type: string, data: Record<string, unknown>, schemaVersion = 1) => ({ type, schemaVersion, data });

describe('reading governance team events', () => {
  it('reads the facts analytics needs, ignoring the fields it does not', () => {
    expect(readTeamFact(event('TeamCreated', { teamId: 't1', name: 'Noord', unitId: null, purpose: 'care', createdBy: 'ada', createdAt: AT }))).toEqual({
      type: 'TeamCreated',
      teamId: 't1',
      name: 'Noord',
      unitId: null,
      createdAt: AT,
    });
    expect(readTeamFact(event('TeamPhaseChanged', { teamId: 't1', previousPhase: 'preparing', phase: 'pilot', changedAt: AT, changedBy: 'ada', reason: null }))).toEqual({
      type: 'TeamPhaseChanged',
      teamId: 't1',
      phase: 'pilot',
      changedAt: AT,
    });
    expect(readTeamFact(event('DecisionEscalated', { teamId: 't1', decisionId: 'd1', area: 'tooling', violations: [], escalatedBy: 'ada', escalatedAt: AT }))).toEqual({ type: 'DecisionEscalated', teamId: 't1', decisionId: 'd1', area: 'tooling', at: AT });
    expect(readTeamFact(event('EscalatedDecisionDeclined', { teamId: 't1', decisionId: 'd1', area: 'tooling', answeredAs: 'transformation-lead', declinedBy: 'lead', declinedAt: AT, reason: 'no' }))).toEqual({
      type: 'EscalatedDecisionDeclined',
      teamId: 't1',
      decisionId: 'd1',
      area: 'tooling',
      at: AT,
    });
    expect(() => readTeamFact(event('EscalatedDecisionApproved', { teamId: 't1', decisionId: 'd1', area: 'tooling', approvedBy: 'lead' }))).toThrow(/approvedAt/);
  });

  it('leaves event types it does not read alone, whatever their version', () => {
    expect(readTeamFact(event('CoachingSessionHeld', { teamId: 't1' }, 3))).toBeUndefined();
    expect(readTeamFact(event('OrganisationCreated', {}))).toBeUndefined();
  });

  it('refuses a read type of another version, or without what it needs, naming the field', () => {
    const refusal = (e: ReturnType<typeof event>) => {
      try {
        readTeamFact(e);
      } catch (error) {
        return error instanceof TeamFactError ? { code: error.code, field: error.field } : error;
      }
      return undefined;
    };
    expect(refusal(event('MemberAdded', { teamId: 't1', memberId: 'm1' }, 2))).toEqual({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
    expect(refusal(event('MemberAdded', { teamId: 't1' }))).toEqual({ code: 'ANALYTICS.INVALID_EVENT', field: 'data.memberId' });
    expect(refusal(event('TeamCreated', { teamId: 't1', name: 'x', unitId: 7, createdAt: AT }))).toEqual({ code: 'ANALYTICS.INVALID_EVENT', field: 'data.unitId' });
    expect(refusal(event('TeamPhaseChanged', { teamId: 't1', phase: 'done', changedAt: AT }))).toEqual({ code: 'ANALYTICS.INVALID_EVENT', field: 'data.phase' });
    expect(refusal({ type: 'TeamRenamed', schemaVersion: 1, data: null as unknown as Record<string, unknown> })).toEqual({ code: 'ANALYTICS.INVALID_EVENT', field: 'data.teamId' });
  });
});

describe('team overview', () => {
  it('summarises a tenant’s teams: per phase, members, decisions and the share escalated', () => {
    const team = (phase: TeamOverview['phase'], memberCount: number, decisionsRecorded: number, decisionsEscalated: number) => ({ phase, memberCount, decisionsRecorded, decisionsEscalated });
    expect(summariseTeams([team('pilot', 5, 2, 1), team('pilot', 3, 0, 0), team('self-steering', 8, 7, 0)])).toEqual({
      teams: 3,
      byPhase: { preparing: 0, pilot: 2, forming: 0, performing: 0, 'self-steering': 1 },
      members: 16,
      decisionsRecorded: 9,
      decisionsEscalated: 1,
      escalationShare: 0.1,
    });
    expect(summariseTeams([])).toMatchObject({ teams: 0, escalationShare: null });
  });

  it('summarises the groups a store counts and sums by phase; a key that is no phase counts in the totals only', () => {
    const sums = (memberCount: number, decisionsRecorded: number, decisionsEscalated: number) => ({ memberCount, decisionsRecorded, decisionsEscalated });
    expect(
      summariseTeamGroups([
        { key: 'forming', count: 4, sums: sums(30, 10, 2) },
        { key: 'self-steering', count: 2, sums: sums(12, 20, 1) },
        { key: null, count: 1, sums: sums(3, 0, 0) },
      ]),
    ).toEqual({
      teams: 7,
      byPhase: { preparing: 0, pilot: 0, forming: 4, performing: 0, 'self-steering': 2 },
      members: 45,
      decisionsRecorded: 30,
      decisionsEscalated: 3,
      escalationShare: 0.091,
    });
    // What the service asks the store to sum (COUNTED_FIELDS), summed here per phase: the same summary as from the teams themselves.
    const teams = [
      { phase: 'pilot' as const, memberCount: 5, decisionsRecorded: 2, decisionsEscalated: 1 },
      { phase: 'pilot' as const, memberCount: 3, decisionsRecorded: 4, decisionsEscalated: 0 },
      { phase: 'performing' as const, memberCount: 8, decisionsRecorded: 7, decisionsEscalated: 2 },
    ];
    const phases = [...new Set(teams.map((team) => team.phase))];
    const groups = phases.map((phase) => {
      const members = teams.filter((team) => team.phase === phase);
      return { key: phase, count: members.length, sums: Object.fromEntries(COUNTED_FIELDS.map((field) => [field, members.reduce((total, team) => total + team[field], 0)])) as Record<(typeof COUNTED_FIELDS)[number], number> };
    });
    expect(summariseTeamGroups(groups)).toEqual(summariseTeams(teams));
    expect(summariseTeamGroups([{ key: 'toString', count: 1, sums: sums(1, 0, 0) }]).byPhase).toEqual({ preparing: 0, pilot: 0, forming: 0, performing: 0, 'self-steering': 0 });
  });
});
