import { aggregateCells, shownResults } from './anonymity';
import type { Zone } from './assessment-facts';
import type { BoundaryChange, DelegationChange, ObjectiveRecord, RoundRecord } from './records';
import { objective, ref, report, round, team } from './records.fixture';
import { rollUp, series, unitRollUps } from './roll-ups';
import { teamFigures, type TeamSources } from './team-figures';
import { teamRow, withinPeriod } from './team-rows';
import { boundaryEffect, readTeamFact } from './team-facts';
import { Fields } from './fact-reader';

const NOW = '2026-06-30T12:00:00.000Z';
const sources = (overrides: Partial<TeamSources> = {}): TeamSources => ({ team: team(), rounds: [], objectives: [], reports: [], ...overrides });

describe('a team’s figures', () => {
  it('rollout: phase, days in it, yes against members', () => {
    const f = teamFigures(sources({ team: team({ phaseSince: '2026-06-20T12:00:00.000Z', memberCount: 8, yesMemberIds: ['a', 'b', 'c', 'd', 'e', 'f'] }) }), NOW, 5);
    expect(f.rollout).toEqual({ phase: 'pilot', since: '2026-06-20T12:00:00.000Z', daysInPhase: 10, members: 8, yes: 6, yesShare: 0.75 });
  });

  it('trust per shown round with respondent counts, the current zone and its history', () => {
    const rounds = [round('r1', '2026-02-01T00:00:00.000Z', 'anxiety', { safety: 4.1, n: 6 }, null), round('r2', '2026-05-01T00:00:00.000Z', 'learning', { safety: 5.4, abi: 4.2, n: 7 }, 'anxiety')];
    const f = teamFigures(sources({ rounds }), NOW, 5);
    expect(f.trust.rounds.map((r) => [r.roundId, r.psychologicalSafety, r.abi?.total, r.abi?.n])).toEqual([
      ['r1', { mean: 4.1, n: 6 }, 4, 6],
      ['r2', { mean: 5.4, n: 7 }, 4.2, 7],
    ]);
    expect(f.zone).toEqual({
      current: 'learning',
      since: '2026-05-01T00:00:00.000Z',
      history: [
        { roundId: 'r1', from: null, to: 'anxiety', at: '2026-02-01T00:00:00.000Z' },
        { roundId: 'r2', from: 'anxiety', to: 'learning', at: '2026-05-01T00:00:00.000Z' },
      ],
    });
  });

  it('withholds a round whose count is under the tenant’s threshold, though it passed the lower one it was frozen with', () => {
    const low = round('r1', '2026-02-01T00:00:00.000Z', 'learning', { safety: 6.5, n: 3, threshold: 3 }, null);
    const f = teamFigures(sources({ rounds: [low] }), NOW, 5);
    expect(f.trust).toEqual({ rounds: [], roundsWithheld: 1 });
    expect(f.zone.current).toBeNull();
    expect(teamFigures(sources({ rounds: [low] }), NOW, 3).trust.rounds).toHaveLength(1);
  });

  it('OKR: progress and statuses of running objectives, final scores and ambition of graded ones', () => {
    const base = objective('o1', 'c2', [0.5, 0.25], '2026-06-01T00:00:00.000Z');
    const running = { ...base, grade: null, keyResults: { ...base.keyResults, 'kr-1': { ...base.keyResults['kr-1']!, status: 'at-risk' as const, weight: 3 } } };
    const f = teamFigures(sources({ objectives: [running, objective('o2', 'c1', [1, 0.9, 1], '2026-04-01T00:00:00.000Z')] }), NOW, 5);
    expect(f.okr.progress).toBe(0.313);
    expect(f.okr.status).toEqual({ 'on-track': 1, behind: 0, 'at-risk': 1, 'not-checked-in': 0 });
    expect(f.okr.finalScores).toEqual([{ objectiveId: 'o2', cycleId: 'c1', commitment: 'aspirational', score: 1, achieved: true }]);
    expect(f.okr.ambition).toEqual({ aspirationalGraded: 1, nearOne: 1 });
  });

  it('failure intelligence: per month, share per kind, repeats, median detection, open and overdue actions, speak-up', () => {
    const repeat = { ...ref('r'), lessonId: 'l', lessonReportId: 'x', preventionActionId: null, preventionDone: true, at: '2026-03-02T00:00:00.000Z' };
    const reports = [
      report('2026-03-01T00:00:00.000Z', { timeToDetectionMinutes: 10, repeats: [repeat], speakUpRecognitions: 1, actions: { a1: { purpose: 'prevention', ownerTeamId: 't1', dueOn: '2026-06-29', status: 'open' } } }),
      report('2026-03-20T00:00:00.000Z', { kind: 'intelligent', timeToDetectionMinutes: 30, actions: { a2: { purpose: 'follow-up', ownerTeamId: 't1', dueOn: '2026-06-30', status: 'open' }, a3: { purpose: 'follow-up', ownerTeamId: 't1', dueOn: '2026-01-01', status: 'done' } } }),
      report('2026-04-02T00:00:00.000Z', { kind: null, timeToDetectionMinutes: 600 }),
    ];
    expect(teamFigures(sources({ reports }), NOW, 5).failures).toEqual({
      reports: 3,
      perMonth: { '2026-03': 2, '2026-04': 1 },
      byKind: { basic: 1, complex: 0, intelligent: 1, unclassified: 1 },
      shareByKind: { basic: 0.333, complex: 0, intelligent: 0.333, unclassified: 0.333 },
      basicRepeats: 1,
      repeatsWithPreventionDone: 1,
      medianTimeToDetectionMinutes: 30,
      openActions: 2,
      // Due yesterday is overdue; due today is not yet.
      overdueActions: 1,
      speakUpRecognitions: 1,
    });
  });

  it('a period cuts reports, rounds and changes to it, and a row flattens the figures', () => {
    const s = sources({ reports: [report('2026-03-01T00:00:00.000Z'), report('2026-05-01T00:00:00.000Z')], rounds: [round('r1', '2026-02-01T00:00:00.000Z', 'comfort', { safety: 5.1 }, null)] });
    const cut = withinPeriod(s, { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(cut.reports).toHaveLength(1);
    expect(cut.rounds).toHaveLength(0);
    const row = teamRow(teamFigures(s, NOW, 5));
    expect(row).toMatchObject({ teamId: 't1', failureReports: 2, zone: 'comfort', psychologicalSafety: 5.1, psychologicalSafetyN: 6 });
  });
});

describe('a team’s figures, at their edges', () => {
  const at = (month: number) => `2026-${String(month).padStart(2, '0')}-01T00:00:00.000Z`;
  /** A round placing the team in `zone`, changed from `from` (undefined: no change recorded, the zone was the same). */
  const placed = (roundId: string, month: number, zone: Zone, from?: Zone | null, n = 6) => round(roundId, at(month), zone, { safety: 5, n }, from);
  const openRound = (roundId: string): RoundRecord => ({ ...round(roundId, at(6), 'learning', { safety: 5 }), state: 'open', closedAt: null, outcome: null, closed: null, results: [], zone: null, zoneChange: null });
  const delegationChange = (i: number): DelegationChange => ({ ...ref('team-t1'), area: `area-${i}`, from: null, to: 5, at: at(i) });
  const boundaryChange = (i: number): BoundaryChange => ({ ...ref('team-t1'), boundaryId: `b-${i}`, kind: 'legal', change: 'set', effect: 'narrowed', at: at(i) });

  it('no members and no decisions give no shares', () => {
    const f = teamFigures(sources({ team: team({ memberCount: 0 }) }), NOW, 5);
    expect(f.rollout).toMatchObject({ members: 0, yes: 0, yesShare: null });
    expect(f.decisions).toMatchObject({ recorded: 0, escalated: 0, escalationShare: null });
  });

  it('decisions: escalated ones answered or still waiting, and the share escalated of all', () => {
    const byArea = { tooling: { recorded: 6, escalated: 5, approved: 1, refused: 1 } };
    const f = teamFigures(sources({ team: team({ decisionsRecorded: 6, decisionsEscalated: 5, decisionsApproved: 1, decisionsRefused: 1, decisionsByArea: byArea }) }), NOW, 5);
    expect(f.decisions).toEqual({ recorded: 6, escalated: 5, approved: 1, refused: 1, awaitingAnswer: 3, escalationShare: 0.455, byArea });
  });

  it('delegation and boundaries: the levels, every change counted, the latest five shown', () => {
    const changes = [1, 2, 3, 4, 5, 6, 7];
    const levels = { tooling: 5 as const, budget: 2 as const };
    const f = teamFigures(sources({ team: team({ delegation: levels, delegationChanges: changes.map(delegationChange), boundaryCount: 4, boundaryChanges: changes.map(boundaryChange) }) }), NOW, 5);
    expect(f.delegation).toEqual({ levels, changes: 7, recentChanges: changes.slice(2).map((i) => expect.objectContaining({ area: `area-${i}` })) });
    expect(f.boundaries).toEqual({ count: 4, changes: 7, recentChanges: changes.slice(2).map((i) => expect.objectContaining({ boundaryId: `b-${i}` })) });
  });

  it('delegation: a review that keeps the level is no change', () => {
    const reviewed: DelegationChange = { ...delegationChange(8), from: 5, to: 5 };
    const f = teamFigures(sources({ team: team({ delegationChanges: [delegationChange(1), reviewed, { ...delegationChange(9), from: 5, to: 6 }] }) }), NOW, 5);
    expect(f.delegation.changes).toBe(2);
    expect(f.delegation.recentChanges.map((c) => c.area)).toEqual(['area-1', 'area-9']);
  });

  it('trust: shown rounds oldest first, each instrument on its own; an open round is neither shown nor withheld', () => {
    const full = placed('full', 5, 'learning');
    const abiFirst = { ...full, results: [...full.results].reverse().map((x) => (x.instrumentId === 'abi-trustworthiness' ? { ...x, total: 4.2, dimensions: { ability: 4.1, benevolence: 3.9, integrity: 4.6 } } : x)) };
    const psOnly = { ...placed('ps-only', 2, 'learning'), results: full.results.filter((x) => x.instrumentId === 'psychological-safety') };
    const abiOnly = { ...placed('abi-only', 3, 'learning'), results: full.results.filter((x) => x.instrumentId !== 'psychological-safety') };
    const withheld = placed('withheld', 4, 'anxiety', undefined, 4);
    const f = teamFigures(sources({ rounds: [abiFirst, openRound('open'), abiOnly, withheld, psOnly] }), NOW, 5);
    expect(f.trust).toEqual({
      rounds: [
        { roundId: 'ps-only', closedAt: at(2), psychologicalSafety: { mean: 5, n: 6 }, abi: null },
        { roundId: 'abi-only', closedAt: at(3), psychologicalSafety: null, abi: { total: 4, ability: 4, benevolence: 4, integrity: 4, n: 6 } },
        { roundId: 'full', closedAt: at(5), psychologicalSafety: { mean: 5, n: 6 }, abi: { total: 4.2, ability: 4.1, benevolence: 3.9, integrity: 4.6, n: 6 } },
      ],
      roundsWithheld: 1,
    });
  });

  it('trust: an ABI result without a dimension shows that sub-score as empty', () => {
    const r = placed('r1', 3, 'learning');
    const partial = { ...r, results: r.results.map((x) => (x.instrumentId === 'abi-trustworthiness' ? { ...x, dimensions: { ability: 4.4 } } : x)) };
    expect(teamFigures(sources({ rounds: [partial] }), NOW, 5).trust.rounds[0]!.abi).toEqual({ total: 4, ability: 4.4, benevolence: null, integrity: null, n: 6 });
  });

  it('zone: the history oldest first, without rounds that changed nothing or are withheld', () => {
    const rounds = [placed('r3', 3, 'learning', 'anxiety'), placed('r4', 4, 'learning'), placed('r5', 5, 'apathy', 'learning', 4), placed('r1', 1, 'anxiety', null), openRound('open')];
    expect(teamFigures(sources({ rounds }), NOW, 5).zone).toEqual({
      current: 'learning',
      since: at(3),
      history: [
        { roundId: 'r1', from: null, to: 'anxiety', at: at(1) },
        { roundId: 'r3', from: 'anxiety', to: 'learning', at: at(3) },
      ],
    });
  });

  it('zone: the latest shown round places the team, whatever order the rounds come in', () => {
    const f = teamFigures(sources({ rounds: [placed('r2', 2, 'comfort', 'anxiety'), placed('r1', 1, 'anxiety', null)] }), NOW, 5);
    expect(f.zone.current).toBe('comfort');
    expect(f.zone.since).toBe(at(2));
  });

  it('zone: since the latest shown move into the current zone, of several', () => {
    const rounds = [placed('r1', 1, 'learning', null), placed('r2', 2, 'anxiety', 'learning'), placed('r3', 3, 'learning', 'anxiety'), placed('r4', 4, 'anxiety', 'learning'), placed('r5', 5, 'learning', 'anxiety'), placed('r6', 6, 'learning')];
    expect(teamFigures(sources({ rounds }), NOW, 5).zone).toMatchObject({ current: 'learning', since: at(5) });
  });

  it('zone: a move into the current zone made in a withheld round is not shown; it is dated by the latest shown round', () => {
    // r2 (4 answers, under the tenant's 5) moved the team into anxiety; the shown history holds only the move into learning.
    const rounds = [placed('r1', 1, 'learning', null), placed('r2', 2, 'anxiety', 'learning', 4), placed('r3', 3, 'anxiety')];
    const f = teamFigures(sources({ rounds }), NOW, 5);
    expect(f.zone).toEqual({ current: 'anxiety', since: at(3), history: [{ roundId: 'r1', from: null, to: 'learning', at: at(1) }] });
  });

  it('OKR: removed key results and ungraded objectives not committed leave progress; without a running objective there is none', () => {
    const base = objective('o1', 'c2', [0.5, 1], NOW);
    const running: ObjectiveRecord = {
      ...base,
      grade: null,
      keyResults: {
        'kr-0': { ...base.keyResults['kr-0']!, status: null, attainment: null },
        'kr-1': { ...base.keyResults['kr-1']!, status: 'behind', attainment: 0.6 },
        'kr-2': { ...base.keyResults['kr-1']!, status: 'on-track', attainment: 1, removed: true },
      },
    };
    const draft: ObjectiveRecord = { ...objective('o2', 'c2', [1], NOW), grade: null, committed: false };
    const f = teamFigures(sources({ objectives: [running, draft] }), NOW, 5);
    expect(f.okr.status).toEqual({ 'on-track': 0, behind: 1, 'at-risk': 0, 'not-checked-in': 1 });
    expect(f.okr.progress).toBe(0.3);
    expect(teamFigures(sources({ objectives: [objective('o3', 'c1', [0.7], NOW), draft] }), NOW, 5).okr).toMatchObject({ objectives: 2, progress: null });
  });

  it('OKR: final scores oldest first; ambition counts aspirational objectives only, near 1.0 from 0.9 on', () => {
    const objectives = [
      objective('late', 'c3', [0.6], '2026-06-01T00:00:00.000Z'),
      objective('early', 'c1', [0.9], '2026-02-01T00:00:00.000Z'),
      objective('committed', 'c2', [1], '2026-04-01T00:00:00.000Z', 'committed'),
    ];
    const { okr } = teamFigures(sources({ objectives }), NOW, 5);
    expect(okr.finalScores.map((s) => [s.objectiveId, s.commitment, s.score])).toEqual([
      ['early', 'aspirational', 0.9],
      ['committed', 'committed', 1],
      ['late', 'aspirational', 0.6],
    ]);
    expect(okr.ambition).toEqual({ aspirationalGraded: 2, nearOne: 1 });
  });

  it('failures: none reported gives no shares and no median', () => {
    expect(teamFigures(sources(), NOW, 5).failures).toEqual({
      reports: 0,
      perMonth: {},
      byKind: { basic: 0, complex: 0, intelligent: 0, unclassified: 0 },
      shareByKind: null,
      basicRepeats: 0,
      repeatsWithPreventionDone: 0,
      medianTimeToDetectionMinutes: null,
      openActions: 0,
      overdueActions: 0,
      speakUpRecognitions: 0,
    });
  });

  it('failures: shares by kind, repeats whose prevention was done, actions overdue only once their day has passed', () => {
    const repeat = (preventionDone: boolean | null) => ({ ...ref('r'), lessonId: 'l', lessonReportId: 'x', preventionActionId: preventionDone === null ? null : 'a0', preventionDone, at: '2026-03-02T00:00:00.000Z' });
    const action = (dueOn: string, status: 'open' | 'done' | 'not-doing' = 'open') => ({ purpose: 'follow-up' as const, ownerTeamId: 't1', dueOn, status });
    const reports = [
      report('2026-03-01T00:00:00.000Z', { kind: 'complex', repeats: [repeat(true), repeat(false), repeat(null)], actions: { a1: action('2026-06-29'), a2: action('2026-07-15'), a3: action('2026-01-01', 'not-doing'), a4: action('2026-06-30') } }),
      report('2026-03-02T00:00:00.000Z', { kind: 'complex', speakUpRecognitions: 2 }),
      report('2026-05-02T00:00:00.000Z', { speakUpRecognitions: 1 }),
    ];
    expect(teamFigures(sources({ reports }), NOW, 5).failures).toMatchObject({
      perMonth: { '2026-03': 2, '2026-05': 1 },
      byKind: { basic: 1, complex: 2, intelligent: 0, unclassified: 0 },
      shareByKind: { basic: 0.333, complex: 0.667, intelligent: 0, unclassified: 0 },
      basicRepeats: 3,
      repeatsWithPreventionDone: 1,
      openActions: 3,
      // Due yesterday is overdue; due today or later is not yet.
      overdueActions: 1,
      speakUpRecognitions: 3,
    });
  });
});

describe('anonymity in aggregates: no differencing can recover a withheld team', () => {
  const team2 = (teamId: string, unitId: string) => team({ teamId, name: teamId, unitId });
  const withRound = (teamId: string, unitId: string, safety: number, n: number, threshold = 5): TeamSources => ({
    team: team2(teamId, unitId),
    rounds: [{ ...round(`r-${teamId}`, '2026-03-01T00:00:00.000Z', 'learning', { safety, n, threshold }, null), teamId }],
    objectives: [],
    reports: [],
  });
  // A unit of three teams; team C answered with 3 respondents under a round threshold of 3 while the tenant's is 5.
  const teams = [withRound('A', 'u1', 5, 6), withRound('B', 'u1', 6, 6), withRound('C', 'u1', 1, 3, 3)];
  const units = [{ tenantId: 'acme', organisationId: 'o1', unitId: 'u1', name: 'Care', parentUnitId: null }];

  it('the unit’s figure rests on shown teams only: unit minus A minus B reveals nothing of C', () => {
    const unit = unitRollUps(units, teams, NOW, 5)[0]!.figures.psychologicalSafety!;
    expect(unit).toEqual({ mean: 5.5, n: 12, teams: 2 });
    const a = rollUp([teams[0]!], NOW, 5).psychologicalSafety!;
    const b = rollUp([teams[1]!], NOW, 5).psychologicalSafety!;
    // What an attacker would compute for C from the unit and the other two teams:
    expect(unit.n - a.n - b.n).toBe(0);
    expect(unit.mean * unit.n - a.mean * a.n - b.mean * b.n).toBe(0);
    // And any filter that holds only C shows nothing, not even a count.
    expect(rollUp([teams[2]!], NOW, 5).psychologicalSafety).toBeNull();
    expect(rollUp([teams[0]!, teams[2]!], NOW, 5).psychologicalSafety).toEqual(a);
  });

  it('series per period use the same cells', () => {
    const [point] = series('quarter', teams, '2026-01-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z', 5);
    expect(point!.psychologicalSafety).toEqual({ mean: 5.5, n: 12, teams: 2 });
  });

  it('an aggregate under the threshold is withheld; a result exactly at it is shown', () => {
    expect(aggregateCells([{ teamId: 'A', mean: 5, n: 4 }], 5)).toBeNull();
    expect(aggregateCells([{ teamId: 'A', mean: 5, n: 5 }], 5)).toEqual({ mean: 5, n: 5, teams: 1 });
    const at = round('r', '2026-03-01T00:00:00.000Z', 'learning', { safety: 5, n: 5 }, null);
    expect(shownResults(at, 5)).toHaveLength(3);
    expect(shownResults({ ...at, outcome: 'not-enough-answers', results: [] }, 5)).toEqual([]);
  });
});

describe('reading boundary changes by governance’s rule', () => {
  const f = (boundary: object | null) => (boundary === null ? null : new Fields('TeamBoundarySet', boundary));
  const money = (amount: number, period = 'month', currency = 'EUR') => ({ boundaryId: 'b', kind: 'financial', title: 'x', limit: { amount, currency }, period, decisionArea: null });
  it.each([
    [null, money(100), 'widened'],
    [money(100), null, 'narrowed'],
    [null, { boundaryId: 'r', kind: 'safety' }, 'narrowed'],
    [{ boundaryId: 'r', kind: 'legal' }, null, 'widened'],
    [money(100), money(50), 'narrowed'],
    [money(100), money(100, 'quarter'), 'narrowed'],
    [money(100), money(200), 'widened'],
    [money(100), money(50, 'per-decision'), 'not-comparable'],
    [money(100), money(50, 'month', 'USD'), 'not-comparable'],
  ])('%j → %j: %s', (previous, next, effect) => {
    expect(boundaryEffect(f(previous), f(next))).toBe(effect);
  });

  it('reads a boundary set from the event', () => {
    expect(readTeamFact({ type: 'TeamBoundarySet', schemaVersion: 1, data: { teamId: 't1', boundary: money(50), previous: money(100), setBy: 'a', setAt: NOW, reason: 'x', proposalId: null } })).toEqual({
      type: 'TeamBoundarySet',
      teamId: 't1',
      boundaryId: 'b',
      kind: 'financial',
      added: false,
      effect: 'narrowed',
      setAt: NOW,
    });
  });
});
