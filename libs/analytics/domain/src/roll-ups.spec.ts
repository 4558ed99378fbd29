import { objective, ref, report, round, team } from './records.fixture';
import type { InstrumentScores } from './assessment-facts';
import type { ObjectiveRecord, RepeatRecord, RoundRecord, TeamRecord, UnitRecord } from './records';
import { phaseAt, rollUp, series, unitAndDescendants, unitRollUps, zoneHeatMap } from './roll-ups';
import type { TeamSources } from './team-figures';

const NOW = '2026-06-30T12:00:00.000Z';
const sources = (t: Partial<TeamRecord>, rest: Partial<Omit<TeamSources, 'team'>> = {}): TeamSources => ({ team: team(t), rounds: [], objectives: [], reports: [], ...rest });
/** A round of the fixture, with the respondent count of some instruments changed (one under the threshold is withheld, the others stay shown). */
const roundOf = (teamId: string, roundId: string, closedAt: string, scores: { safety: number; abi?: number; n?: number }, counts: Record<string, number> = {}, zoneFrom?: null | 'learning' | 'comfort'): RoundRecord => {
  const r = round(roundId, closedAt, 'learning', scores, zoneFrom);
  return { ...r, teamId, results: r.results.map((x) => (counts[x.instrumentId] === undefined ? x : { ...x, n: counts[x.instrumentId]! })) };
};
const graded = (objectiveId: string, score: number, cycleEndsOn: string, achieved: boolean): ObjectiveRecord => {
  const o = objective(objectiveId, `c-${objectiveId}`, [score], `${cycleEndsOn}T12:00:00.000Z`);
  return { ...o, grade: { ...o.grade!, achieved } };
};
const repeat = (at: string): RepeatRecord => ({ ...ref('r'), lessonId: 'l1', lessonReportId: 'rep-0', preventionActionId: null, preventionDone: null, at });
const unit = (unitId: string, name: string, parentUnitId: string | null = null): UnitRecord => ({ tenantId: 'acme', organisationId: 'o1', unitId, name, parentUnitId });
const ZERO_ZONES = { learning: 0, comfort: 0, anxiety: 0, apathy: 0, unplaced: 0 };
const ZERO_PHASES = { preparing: 0, pilot: 0, forming: 0, performing: 0, 'self-steering': 0 };

describe('a roll-up over teams', () => {
  const alfa = sources(
    {
      teamId: 'A',
      name: 'Alfa',
      phase: 'pilot',
      memberCount: 6,
      yesMemberIds: ['a', 'b', 'c'],
      delegationChanges: [
        { ...ref('team-A'), area: 'budget', from: null, to: 3, at: '2026-02-01T00:00:00.000Z' },
        { ...ref('team-A'), area: 'hiring', from: 2, to: 4, at: '2026-03-01T00:00:00.000Z' },
      ],
      boundaryChanges: [{ ...ref('team-A'), boundaryId: 'b1', kind: 'financial', change: 'set', effect: 'widened', at: '2026-02-01T00:00:00.000Z' }],
      decisionsRecorded: 2,
      decisionsEscalated: 2,
      decisionsApproved: 1,
      decisionsRefused: 1,
    },
    {
      rounds: [roundOf('A', 'rA', '2026-03-01T00:00:00.000Z', { safety: 5.2, abi: 4.1, n: 6 })],
      objectives: [graded('oA', 0.7, '2026-03-31', true)],
      reports: [
        report('2026-03-01T00:00:00.000Z', {
          teamId: 'A',
          kind: 'basic',
          timeToDetectionMinutes: 10,
          repeats: [repeat('2026-03-02T00:00:00.000Z')],
          speakUpRecognitions: 1,
          actions: { a1: { purpose: 'prevention', ownerTeamId: 'A', dueOn: '2026-06-01', status: 'open' }, a2: { purpose: 'follow-up', ownerTeamId: 'A', dueOn: '2026-07-31', status: 'open' } },
        }),
      ],
    },
  );
  const bravo = sources(
    { teamId: 'B', name: 'Bravo', phase: 'performing', memberCount: 4, yesMemberIds: ['d'] },
    {
      objectives: [graded('oB', 0.4, '2026-03-31', false)],
      reports: [report('2026-04-01T00:00:00.000Z', { teamId: 'B', kind: 'complex', timeToDetectionMinutes: 30 }), report('2026-04-02T00:00:00.000Z', { teamId: 'B', kind: null, timeToDetectionMinutes: 600 })],
    },
  );

  it('adds up the teams’ figures: rollout, zones, decisions, changes, trust, OKRs and failures', () => {
    expect(rollUp([alfa, bravo], NOW, 5)).toEqual({
      teams: 2,
      members: 10,
      yes: 4,
      yesShare: 0.4,
      byPhase: { ...ZERO_PHASES, pilot: 1, performing: 1 },
      byZone: { ...ZERO_ZONES, learning: 1, unplaced: 1 },
      decisions: { recorded: 2, escalated: 2, approved: 1, refused: 1, escalationShare: 0.5 },
      delegationChanges: 2,
      boundaryChanges: 1,
      psychologicalSafety: { mean: 5.2, n: 6, teams: 1 },
      abi: { mean: 4.1, n: 6, teams: 1 },
      okr: { graded: 2, meanScore: 0.55, achieved: 1 },
      failures: {
        reports: 3,
        byKind: { basic: 1, complex: 1, intelligent: 0, unclassified: 1 },
        basicRepeats: 1,
        medianTimeToDetectionMinutes: 30,
        openActions: 2,
        overdueActions: 1,
        speakUpRecognitions: 1,
      },
    });
  });

  it('an escalation share over recorded and escalated decisions together', () => {
    const three = sources({ decisionsRecorded: 3, decisionsEscalated: 1 });
    expect(rollUp([three], NOW, 5).decisions.escalationShare).toBe(0.25);
  });

  it('no shares, means or medians over nothing', () => {
    const empty = rollUp([], NOW, 5);
    expect(empty).toMatchObject({ teams: 0, members: 0, yesShare: null, psychologicalSafety: null, abi: null, okr: { graded: 0, meanScore: null, achieved: 0 } });
    expect(empty.decisions.escalationShare).toBeNull();
    expect(empty.failures).toMatchObject({ reports: 0, medianTimeToDetectionMinutes: null });
    const quiet = rollUp([sources({ memberCount: 0 })], NOW, 5);
    expect(quiet).toMatchObject({ teams: 1, members: 0, yesShare: null, decisions: { recorded: 0, escalated: 0, escalationShare: null }, okr: { graded: 0, meanScore: null } });
  });

  it('each team counts with its latest round in which an instrument is shown, per instrument', () => {
    // Safety was last shown in April (June's safety rests on 3 answers); trust last in June.
    const safetyEarlier = sources(
      { teamId: 'C' },
      {
        rounds: [
          roundOf('C', 'c1', '2026-02-01T00:00:00.000Z', { safety: 4.0, abi: 3.0, n: 6 }),
          roundOf('C', 'c3', '2026-06-01T00:00:00.000Z', { safety: 6.6, abi: 3.6, n: 6 }, { 'psychological-safety': 3 }),
          roundOf('C', 'c2', '2026-04-01T00:00:00.000Z', { safety: 5.5, abi: 2.2, n: 7 }),
        ],
      },
    );
    expect(rollUp([safetyEarlier], NOW, 5)).toMatchObject({ psychologicalSafety: { mean: 5.5, n: 7, teams: 1 }, abi: { mean: 3.6, n: 6, teams: 1 } });
    // Trust was last shown in February (April's trust rests on 4 answers); safety last in April.
    const trustEarlier = sources(
      { teamId: 'D' },
      { rounds: [roundOf('D', 'd1', '2026-02-01T00:00:00.000Z', { safety: 4.0, abi: 3.0, n: 6 }), roundOf('D', 'd2', '2026-04-01T00:00:00.000Z', { safety: 5.5, abi: 2.2, n: 7 }, { 'abi-trustworthiness': 4 })] },
    );
    expect(rollUp([trustEarlier], NOW, 5)).toMatchObject({ psychologicalSafety: { mean: 5.5, n: 7, teams: 1 }, abi: { mean: 3.0, n: 6, teams: 1 } });
  });

  it('passes over a shown result without a total', () => {
    const withoutTotal = (r: RoundRecord): RoundRecord => ({ ...r, results: r.results.map((x): InstrumentScores => (x.instrumentId === 'psychological-safety' ? { ...x, total: null } : x)) });
    const t = sources({ teamId: 'E' }, { rounds: [roundOf('E', 'e1', '2026-02-01T00:00:00.000Z', { safety: 4.4, n: 6 }), withoutTotal(roundOf('E', 'e2', '2026-04-01T00:00:00.000Z', { safety: 9, n: 6 }))] });
    expect(rollUp([t], NOW, 5).psychologicalSafety).toEqual({ mean: 4.4, n: 6, teams: 1 });
  });

  it('figures the same team documents anew under another clock or threshold', () => {
    const t = sources(
      { teamId: 'F' },
      {
        rounds: [roundOf('F', 'f1', '2026-03-01T00:00:00.000Z', { safety: 5, n: 6 })],
        reports: [report('2026-03-01T00:00:00.000Z', { teamId: 'F', actions: { a1: { purpose: 'follow-up', ownerTeamId: 'F', dueOn: '2026-06-15', status: 'open' } } })],
      },
    );
    expect(rollUp([t], '2026-06-10T00:00:00.000Z', 5).failures.overdueActions).toBe(0);
    expect(rollUp([t], '2026-06-20T00:00:00.000Z', 5).failures.overdueActions).toBe(1);
    expect(rollUp([t], '2026-06-20T00:00:00.000Z', 5).byZone).toEqual({ ...ZERO_ZONES, learning: 1 });
    expect(rollUp([t], '2026-06-20T00:00:00.000Z', 7).byZone).toEqual({ ...ZERO_ZONES, unplaced: 1 });
    expect(rollUp([t], '2026-06-20T00:00:00.000Z', 5).byZone).toEqual({ ...ZERO_ZONES, learning: 1 });
  });
});

describe('the unit tree', () => {
  // Listed children first, so the tree is found over more than one pass.
  const units = [unit('u3', 'Wijk Oost', 'u2'), unit('u2', 'Wijkzorg', 'u1'), unit('u1', 'Zorg'), unit('u4', 'Wonen'), unit('u5', 'Huur', 'u4')];

  it('a unit and every unit below it, and none beside it', () => {
    expect([...unitAndDescendants(units, 'u1')].sort()).toEqual(['u1', 'u2', 'u3']);
    expect([...unitAndDescendants(units, 'u2')].sort()).toEqual(['u2', 'u3']);
    expect([...unitAndDescendants(units, 'u3')]).toEqual(['u3']);
    expect([...unitAndDescendants(units, 'u4')].sort()).toEqual(['u4', 'u5']);
    expect([...unitAndDescendants(units, 'unknown')]).toEqual(['unknown']);
  });

  it('a unit’s roll-up covers its own teams and those below it, never a team of another unit or without one', () => {
    const teams = [sources({ teamId: 'A', unitId: 'u3' }), sources({ teamId: 'B', unitId: 'u1' }), sources({ teamId: 'C', unitId: 'u5' }), sources({ teamId: 'D', unitId: null })];
    const rollUps = unitRollUps(units, teams, NOW, 5);
    expect(rollUps.map((u) => [u.unitId, u.figures.teams])).toEqual([
      ['u5', 1],
      ['u3', 1],
      ['u2', 1],
      ['u4', 1],
      ['u1', 2],
    ]);
    expect(rollUps.find((u) => u.unitId === 'u2')).toMatchObject({ unitId: 'u2', name: 'Wijkzorg', organisationId: 'o1', parentUnitId: 'u1' });
  });

  it('units in order of name, and of id where names are the same', () => {
    const named = [unit('u1', 'Wonen'), unit('u3', 'Care'), unit('u2', 'Care')];
    expect(unitRollUps(named, [], NOW, 5).map((u) => u.unitId)).toEqual(['u2', 'u3', 'u1']);
  });
});

describe('the phase a team was in at an instant', () => {
  const t = team({
    createdAt: '2026-01-10T00:00:00.000Z',
    phaseHistory: [
      { phase: 'pilot', since: '2026-03-01T00:00:00.000Z', ...ref('team-t1') },
      { phase: 'forming', since: '2026-05-01T00:00:00.000Z', ...ref('team-t1') },
    ],
  });

  it('none before the team was created, nor at the instant it was', () => {
    expect(phaseAt(t, '2026-01-01T00:00:00.000Z')).toBeNull();
    expect(phaseAt(t, '2026-01-10T00:00:00.000Z')).toBeNull();
  });

  it('preparing after its creation, before any phase recorded since', () => {
    expect(phaseAt(t, '2026-01-10T00:00:00.001Z')).toBe('preparing');
    expect(phaseAt(t, '2026-03-01T00:00:00.000Z')).toBe('preparing');
  });

  it('the phase of the last step before the instant', () => {
    expect(phaseAt(t, '2026-03-01T00:00:00.001Z')).toBe('pilot');
    expect(phaseAt(t, '2026-05-01T00:00:00.000Z')).toBe('pilot');
    expect(phaseAt(t, '2026-06-01T00:00:00.000Z')).toBe('forming');
  });
});

describe('series per period', () => {
  const FROM = '2026-01-01T00:00:00.000Z';
  const TO = '2026-03-31T00:00:00.000Z';
  const alfa = sources(
    {
      teamId: 'A',
      createdAt: '2025-12-01T00:00:00.000Z',
      phaseHistory: [
        { phase: 'preparing', since: '2025-12-01T00:00:00.000Z', ...ref('team-A') },
        { phase: 'pilot', since: '2026-01-05T00:00:00.000Z', ...ref('team-A') },
      ],
      delegationChanges: [
        { ...ref('team-A'), area: 'budget', from: null, to: 3, at: '2026-01-15T00:00:00.000Z' },
        { ...ref('team-A'), area: 'budget', from: 3, to: 4, at: '2026-03-03T00:00:00.000Z' },
        // a review that kept the level: no change in any period
        { ...ref('team-A'), area: 'budget', from: 4, to: 4, at: '2026-03-20T00:00:00.000Z' },
      ],
      boundaryChanges: [{ ...ref('team-A'), boundaryId: 'b1', kind: 'financial', change: 'set', effect: 'widened', at: '2026-02-02T00:00:00.000Z' }],
      escalations: [
        { ...ref('team-A'), decisionId: 'd1', area: 'budget', at: '2026-01-20T00:00:00.000Z' },
        { ...ref('team-A'), decisionId: 'd2', area: 'budget', at: '2026-01-21T00:00:00.000Z' },
      ],
    },
    {
      rounds: [
        // January: shown, the zone change counts.
        roundOf('A', 'a1', '2026-01-10T00:00:00.000Z', { safety: 5.0, abi: 4.0, n: 6 }, {}, null),
        // February: trust rests on 4 answers and is withheld, so the zone change it rests on is too.
        roundOf('A', 'a2', '2026-02-20T00:00:00.000Z', { safety: 4.5, abi: 3.0, n: 6 }, { 'abi-trustworthiness': 4 }, 'learning'),
        // Still open: no closing date, nothing to show.
        { ...roundOf('A', 'a3', '2026-03-01T00:00:00.000Z', { safety: 1, n: 6 }), state: 'open', closedAt: null, outcome: null, closed: null, results: [], zone: null },
      ],
      objectives: [graded('o1', 0.6, '2026-01-31', true), graded('o2', 0.8, '2026-03-31', true), { ...objective('o4', 'c4', [0.3], '2026-02-10T00:00:00.000Z'), grade: null }],
      reports: [report('2026-02-10T00:00:00.000Z', { teamId: 'A', repeats: [repeat('2026-03-01T00:00:00.000Z')] }), report('2026-03-20T00:00:00.000Z', { teamId: 'A' })],
    },
  );
  const bravo = sources(
    {
      teamId: 'B',
      createdAt: '2026-02-10T00:00:00.000Z',
      phaseHistory: [
        { phase: 'preparing', since: '2026-02-10T00:00:00.000Z', ...ref('team-B') },
        { phase: 'forming', since: '2026-03-05T00:00:00.000Z', ...ref('team-B') },
      ],
    },
    {
      rounds: [
        // March: shown, no zone change; its safety result has no total.
        { ...roundOf('B', 'b1', '2026-03-10T00:00:00.000Z', { safety: 5.0, abi: 3.5, n: 6 }), results: roundOf('B', 'b1', '2026-03-10T00:00:00.000Z', { safety: 5.0, abi: 3.5, n: 6 }).results.map((x) => (x.instrumentId === 'psychological-safety' ? { ...x, total: null } : x)) },
        // March: a zone change on a round without results to rest it on.
        { ...roundOf('B', 'b2', '2026-03-25T00:00:00.000Z', { safety: 5.0, n: 6 }, {}, 'comfort'), results: [] },
      ],
      objectives: [graded('o3', 0.5, '2026-03-15', false)],
    },
  );

  it('one point per period with what happened in it and the phases at its end', () => {
    expect(series('month', [alfa, bravo], FROM, TO, 5)).toEqual([
      {
        period: '2026-01',
        byPhase: { ...ZERO_PHASES, pilot: 1 },
        delegationChanges: 1,
        boundaryChanges: 0,
        escalations: 2,
        zoneChanges: 1,
        failuresReported: 0,
        basicRepeats: 0,
        psychologicalSafety: { mean: 5, n: 6, teams: 1 },
        abi: { mean: 4, n: 6, teams: 1 },
        okr: { graded: 1, meanScore: 0.6 },
      },
      {
        period: '2026-02',
        byPhase: { ...ZERO_PHASES, pilot: 1, preparing: 1 },
        delegationChanges: 0,
        boundaryChanges: 1,
        escalations: 0,
        zoneChanges: 0,
        failuresReported: 1,
        basicRepeats: 0,
        psychologicalSafety: { mean: 4.5, n: 6, teams: 1 },
        abi: null,
        okr: { graded: 0, meanScore: null },
      },
      {
        period: '2026-03',
        byPhase: { ...ZERO_PHASES, pilot: 1, forming: 1 },
        delegationChanges: 1,
        boundaryChanges: 0,
        escalations: 0,
        zoneChanges: 0,
        failuresReported: 1,
        basicRepeats: 1,
        psychologicalSafety: null,
        abi: { mean: 3.5, n: 6, teams: 1 },
        okr: { graded: 2, meanScore: 0.65 },
      },
    ]);
  });

  // Team A's two rounds of the quarter both count in the mean, and A counts once among the teams.
  it('per quarter, the same events in one point', () => {
    expect(series('quarter', [alfa, bravo], FROM, TO, 5)).toEqual([
      {
        period: '2026-Q1',
        byPhase: { ...ZERO_PHASES, pilot: 1, forming: 1 },
        delegationChanges: 2,
        boundaryChanges: 1,
        escalations: 2,
        zoneChanges: 1,
        failuresReported: 2,
        basicRepeats: 1,
        psychologicalSafety: { mean: 4.75, n: 12, teams: 1 },
        abi: { mean: 3.75, n: 12, teams: 2 },
        okr: { graded: 3, meanScore: 0.633 },
      },
    ]);
  });
});

describe('the zone heat map', () => {
  const units = [unit('u2', 'Wonen'), unit('u1', 'Zorg'), unit('u3', 'Huur')];
  const teams = [
    sources({ teamId: 'tz', name: 'Zuid', unitId: 'u1' }, { rounds: [roundOf('tz', 'rz', '2026-03-01T00:00:00.000Z', { safety: 5.5, n: 6 })] }),
    sources({ teamId: 'tw', name: 'West', unitId: null }),
    sources({ teamId: 'to', name: 'Oost', unitId: 'u2' }, { rounds: [{ ...round('ro', '2026-04-10T00:00:00.000Z', 'anxiety', { safety: 3.1, n: 6 }, 'comfort'), teamId: 'to' }] }),
    sources({ teamId: 'tm', name: 'Midden', unitId: 'u-gone' }),
    // Its only round rests on 4 answers: withheld, so the team is unplaced.
    sources({ teamId: 'tn', name: 'Noord', unitId: 'u1' }, { rounds: [roundOf('tn', 'rn', '2026-03-01T00:00:00.000Z', { safety: 6.1, n: 4 })] }),
  ];

  it('units by name with their teams by name and zone, teams without a known unit in a row of their own', () => {
    expect(zoneHeatMap(units, teams, NOW, 5)).toEqual([
      { unitId: 'u3', name: 'Huur', byZone: ZERO_ZONES, teams: [] },
      { unitId: 'u2', name: 'Wonen', byZone: { ...ZERO_ZONES, anxiety: 1 }, teams: [{ teamId: 'to', name: 'Oost', zone: 'anxiety', since: '2026-04-10T00:00:00.000Z' }] },
      {
        unitId: 'u1',
        name: 'Zorg',
        byZone: { ...ZERO_ZONES, learning: 1, unplaced: 1 },
        teams: [
          { teamId: 'tn', name: 'Noord', zone: null, since: null },
          { teamId: 'tz', name: 'Zuid', zone: 'learning', since: '2026-03-01T00:00:00.000Z' },
        ],
      },
      {
        unitId: null,
        name: '(no unit)',
        byZone: { ...ZERO_ZONES, unplaced: 2 },
        teams: [
          { teamId: 'tm', name: 'Midden', zone: null, since: null },
          { teamId: 'tw', name: 'West', zone: null, since: null },
        ],
      },
    ]);
  });

  it('no row without units or teams', () => {
    expect(zoneHeatMap([], [], NOW, 5)).toEqual([]);
  });
});
