import type { Zone } from './assessment-facts';
import type { BoundaryChange, DelegationChange, Escalation, ObjectiveRecord, RoundRecord } from './records';
import { objective, ref, report, round, team } from './records.fixture';
import { teamFigures, type TeamSources } from './team-figures';
import { TEAM_ROW_COLUMNS, matchesZone, teamRow, withinPeriod } from './team-rows';

const NOW = '2026-06-30T12:00:00.000Z';
const FROM = '2026-04-01T00:00:00.000Z';
const TO = '2026-07-01T00:00:00.000Z';
const JUST_BEFORE_FROM = '2026-03-31T23:59:59.999Z';
const JUST_BEFORE_TO = '2026-06-30T23:59:59.999Z';

const delegationChange = (at: string): DelegationChange => ({ ...ref('team-t1'), area: `area-${at}`, from: 3, to: 5, at });
const boundaryChange = (at: string): BoundaryChange => ({ ...ref('team-t1'), boundaryId: `b-${at}`, kind: 'financial', change: 'set', effect: 'widened', at });
const escalation = (at: string): Escalation => ({ ...ref('team-t1'), decisionId: `d-${at}`, area: 'tooling', at });
const openRound = (roundId: string, openedAt: string): RoundRecord => ({
  ...round(roundId, openedAt, 'learning', { safety: 5 }),
  state: 'open',
  closedAt: null,
  outcome: null,
  closed: null,
  results: [],
  zone: null,
  zoneChange: null,
});
const ungraded = (objectiveId: string, definedAt: string): ObjectiveRecord => ({ ...objective(objectiveId, 'c2', [0.5], definedAt), grade: null, definedAt });
/** Graded when its cycle ended on `cycleEndsOn`, defined on `definedAt`. */
const graded = (objectiveId: string, cycleEndsOn: string, definedAt: string): ObjectiveRecord => {
  const o = objective(objectiveId, 'c1', [0.8], `${cycleEndsOn}T18:00:00.000Z`);
  return { ...o, definedAt, grade: { ...o.grade!, cycleEndsOn } };
};

const edges = [JUST_BEFORE_FROM, FROM, JUST_BEFORE_TO, TO];
const sources: TeamSources = {
  team: team({ delegationChanges: edges.map(delegationChange), boundaryChanges: edges.map(boundaryChange), escalations: edges.map(escalation), boundaryCount: 2 }),
  rounds: [round('before', JUST_BEFORE_FROM, 'anxiety', { safety: 4 }, null), round('at-from', FROM, 'learning', { safety: 5.5 }), round('at-to', TO, 'comfort', { safety: 5.1 }), openRound('open', '2026-05-01T00:00:00.000Z')],
  objectives: [
    graded('ends-inside', '2026-06-30', '2026-01-05T00:00:00.000Z'),
    graded('ends-before', '2026-03-31', '2026-04-02T00:00:00.000Z'),
    ungraded('defined-inside', FROM),
    ungraded('defined-before', JUST_BEFORE_FROM),
  ],
  reports: [report(JUST_BEFORE_FROM), report(FROM), report(JUST_BEFORE_TO), report(TO)],
};
const ats = (cut: TeamSources) => ({
  delegationChanges: cut.team.delegationChanges.map((c) => c.at),
  boundaryChanges: cut.team.boundaryChanges.map((c) => c.at),
  escalations: cut.team.escalations.map((e) => e.at),
  rounds: cut.rounds.map((r) => r.roundId),
  objectives: cut.objectives.map((o) => o.objectiveId),
  reports: cut.reports.map((r) => r.reportedAt),
});

describe('a team’s documents cut to a period', () => {
  it('keeps what happened from the start, inclusive, to the end, exclusive', () => {
    const cut = withinPeriod(sources, { from: FROM, to: TO });
    expect(ats(cut)).toEqual({
      delegationChanges: [FROM, JUST_BEFORE_TO],
      boundaryChanges: [FROM, JUST_BEFORE_TO],
      escalations: [FROM, JUST_BEFORE_TO],
      // Rounds by when they closed (an open round has not), objectives by the end of their cycle or, ungraded, by when they were defined.
      rounds: ['at-from'],
      objectives: ['ends-inside', 'defined-inside'],
      reports: [FROM, JUST_BEFORE_TO],
    });
  });

  it('keeps the team’s current state as it is now', () => {
    const { team: cut } = withinPeriod(sources, { from: FROM, to: TO });
    expect(cut).toEqual({ ...sources.team, delegationChanges: cut.delegationChanges, boundaryChanges: cut.boundaryChanges, escalations: cut.escalations });
    expect(cut.name).toBe('Noord');
    expect(cut.boundaryCount).toBe(2);
  });

  it('a period with only a start keeps everything from it on', () => {
    expect(ats(withinPeriod(sources, { from: FROM }))).toEqual({
      delegationChanges: [FROM, JUST_BEFORE_TO, TO],
      boundaryChanges: [FROM, JUST_BEFORE_TO, TO],
      escalations: [FROM, JUST_BEFORE_TO, TO],
      rounds: ['at-from', 'at-to'],
      objectives: ['ends-inside', 'defined-inside'],
      reports: [FROM, JUST_BEFORE_TO, TO],
    });
  });

  it('a period with only an end keeps everything before it', () => {
    expect(ats(withinPeriod(sources, { to: FROM }))).toEqual({
      delegationChanges: [JUST_BEFORE_FROM],
      boundaryChanges: [JUST_BEFORE_FROM],
      escalations: [JUST_BEFORE_FROM],
      rounds: ['before'],
      objectives: ['ends-before', 'defined-before'],
      reports: [JUST_BEFORE_FROM],
    });
  });

  it('no period keeps every document, open rounds too', () => {
    const all = withinPeriod(sources, {});
    expect(all).toBe(sources);
    expect(ats(all).rounds).toEqual(['before', 'at-from', 'at-to', 'open']);
  });
});

describe('filtering teams by zone', () => {
  const placed = (zone: Zone | null) => teamFigures({ team: team(), rounds: zone === null ? [] : [round('r1', '2026-03-01T00:00:00.000Z', zone, { safety: 5 }, null)], objectives: [], reports: [] }, NOW, 5);

  it('no filter matches every team, placed or not', () => {
    expect([matchesZone(placed('learning'), undefined), matchesZone(placed(null), undefined)]).toEqual([true, true]);
  });

  it('a team matches the zones it is in', () => {
    expect(matchesZone(placed('learning'), ['learning', 'comfort'])).toBe(true);
    expect(matchesZone(placed('anxiety'), ['learning', 'comfort'])).toBe(false);
    expect(matchesZone(placed('anxiety'), [])).toBe(false);
  });

  it('a team no shown round placed is "unplaced"', () => {
    expect(matchesZone(placed(null), ['unplaced'])).toBe(true);
    expect(matchesZone(placed(null), ['learning', 'comfort', 'anxiety', 'apathy'])).toBe(false);
    expect(matchesZone(placed('learning'), ['unplaced'])).toBe(false);
  });
});

describe('a team as a flat row', () => {
  const rowOf = (overrides: Partial<TeamSources>) => teamRow(teamFigures({ team: team(), rounds: [], objectives: [], reports: [], ...overrides }, NOW, 5));
  const full = (roundId: string, closedAt: string, safety: number): RoundRecord => {
    const r = round(roundId, closedAt, 'learning', { safety, abi: 4.2, n: 7 }, null);
    return { ...r, results: r.results.map((x) => (x.instrumentId === 'abi-trustworthiness' ? { ...x, dimensions: { ability: 4.1, benevolence: 3.9, integrity: 4.6 } } : x)) };
  };
  const only = (instrumentId: string, r: RoundRecord): RoundRecord => ({ ...r, instrumentIds: [instrumentId], results: r.results.filter((x) => x.instrumentId === instrumentId) });

  it('has the export’s columns, in order', () => {
    expect(Object.keys(rowOf({}))).toEqual([...TEAM_ROW_COLUMNS]);
  });

  it('every figure of the team, from its latest shown round and the mean of its final OKR scores', () => {
    const repeat = { ...ref('r'), lessonId: 'l', lessonReportId: 'x', preventionActionId: null, preventionDone: null, at: '2026-03-02T00:00:00.000Z' };
    const row = rowOf({
      team: team({
        phaseSince: '2026-06-20T12:00:00.000Z',
        memberCount: 8,
        yesMemberIds: ['a', 'b', 'c'],
        delegationChanges: [delegationChange(FROM)],
        boundaryCount: 3,
        boundaryChanges: [boundaryChange(FROM), boundaryChange(TO)],
        decisionsRecorded: 9,
        decisionsEscalated: 4,
        decisionsApproved: 2,
        decisionsRefused: 1,
      }),
      rounds: [full('late', '2026-05-01T00:00:00.000Z', 5.6), full('early', '2026-02-01T00:00:00.000Z', 4.4)],
      objectives: [objective('o1', 'c1', [0.7], '2026-03-31T00:00:00.000Z'), objective('o2', 'c1', [0.4], '2026-03-31T00:00:00.000Z'), objective('o3', 'c1', [0.2], '2026-03-31T00:00:00.000Z')],
      reports: [
        report('2026-03-01T00:00:00.000Z', { timeToDetectionMinutes: 20, repeats: [repeat], speakUpRecognitions: 2, actions: { a1: { purpose: 'prevention', ownerTeamId: 't1', dueOn: '2026-06-01', status: 'open' } } }),
        report('2026-03-05T00:00:00.000Z', { kind: 'complex', timeToDetectionMinutes: 40 }),
        report('2026-03-09T00:00:00.000Z', { kind: 'intelligent', timeToDetectionMinutes: 90, actions: { a2: { purpose: 'follow-up', ownerTeamId: 't1', dueOn: '2026-08-01', status: 'open' } } }),
      ],
    });
    expect(row).toEqual({
      teamId: 't1',
      name: 'Noord',
      unitId: 'u1',
      phase: 'pilot',
      phaseSince: '2026-06-20T12:00:00.000Z',
      daysInPhase: 10,
      members: 8,
      yes: 3,
      delegationChanges: 1,
      boundaries: 3,
      boundaryChanges: 2,
      decisionsRecorded: 9,
      decisionsEscalated: 4,
      decisionsApproved: 2,
      decisionsRefused: 1,
      zone: 'learning',
      zoneSince: '2026-05-01T00:00:00.000Z',
      psychologicalSafety: 5.6,
      psychologicalSafetyN: 7,
      abiTotal: 4.2,
      abiAbility: 4.1,
      abiBenevolence: 3.9,
      abiIntegrity: 4.6,
      abiN: 7,
      okrProgress: null,
      okrObjectives: 3,
      // (0.7 + 0.4 + 0.2) / 3, to three places.
      okrMeanFinalScore: 0.433,
      failureReports: 3,
      basicFailures: 1,
      complexFailures: 1,
      intelligentFailures: 1,
      basicRepeats: 1,
      medianTimeToDetectionMinutes: 40,
      openActions: 2,
      overdueActions: 1,
      speakUpRecognitions: 2,
    });
  });

  it('a team without a shown round or a graded objective leaves those columns empty', () => {
    expect(rowOf({})).toMatchObject({ zone: null, zoneSince: null, psychologicalSafety: null, psychologicalSafetyN: null, abiTotal: null, abiAbility: null, abiBenevolence: null, abiIntegrity: null, abiN: null, okrMeanFinalScore: null });
  });

  it('a latest round with only one of the two instruments leaves the other’s columns empty', () => {
    const r = full('r1', '2026-05-01T00:00:00.000Z', 5.6);
    expect(rowOf({ rounds: [only('psychological-safety', r)] })).toMatchObject({ psychologicalSafety: 5.6, psychologicalSafetyN: 7, abiTotal: null, abiAbility: null, abiBenevolence: null, abiIntegrity: null, abiN: null });
    expect(rowOf({ rounds: [only('abi-trustworthiness', r)] })).toMatchObject({ psychologicalSafety: null, psychologicalSafetyN: null, abiTotal: 4.2, abiAbility: 4.1, abiBenevolence: 3.9, abiIntegrity: 4.6, abiN: 7 });
  });

  it('one graded objective is its own mean', () => {
    expect(rowOf({ objectives: [objective('o1', 'c1', [0.6], '2026-03-31T00:00:00.000Z')] }).okrMeanFinalScore).toBe(0.6);
  });
});
