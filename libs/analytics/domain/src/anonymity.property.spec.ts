import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rollUp, series, unitRollUps, zoneHeatMap } from './roll-ups';
import { round, team } from './records.fixture';
import type { RoundRecord, UnitRecord } from './records';
import { teamFigures, trustRounds, type TeamSources } from './team-figures';
import { ZONES } from './assessment-facts';

/**
 * The anonymity rule of analytics (anonymity.ts) over random organisations: teams with random
 * rounds (respondent counts, frozen thresholds, closing dates, zones) under a random tenant
 * threshold. Nothing shown rests on fewer answers than the threshold, and a withheld round
 * contributes nothing to any figure: adding one changes no aggregate, so no differencing of
 * two aggregates can recover it.
 */
const NOW = '2026-12-01T00:00:00.000Z';
const month = fc.integer({ min: 0, max: 10 });
const roundRecord = (teamId: string, i: number) =>
  fc.record({ n: fc.integer({ min: 3, max: 12 }), threshold: fc.integer({ min: 3, max: 8 }), m: month, day: fc.integer({ min: 1, max: 28 }), zone: fc.constantFrom(...ZONES), safety: fc.integer({ min: 10, max: 70 }), abi: fc.integer({ min: 10, max: 50 }) }).map(
    ({ n, threshold, m, day, zone, safety, abi }): RoundRecord => ({
      ...round(`${teamId}-r${i}`, new Date(Date.UTC(2026, m, day, 12)).toISOString(), zone, { safety: safety / 10, abi: abi / 10, n, threshold }),
      teamId,
    }),
  );
const teamSources = (teamId: string, unitId: string) =>
  fc.integer({ min: 0, max: 4 }).chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => roundRecord(teamId, i))).map((rounds): TeamSources => ({ team: team({ teamId, unitId }), rounds, objectives: [], reports: [] })),
  );
const organisation = fc.record({ tenantThreshold: fc.integer({ min: 3, max: 8 }), teams: fc.tuple(teamSources('t1', 'u1'), teamSources('t2', 'u1'), teamSources('t3', 'u2'), teamSources('t4', 'u2')) });
const UNITS: UnitRecord[] = [
  { tenantId: 'acme', organisationId: 'org', unitId: 'u1', name: 'Zorg', parentUnitId: null },
  { tenantId: 'acme', organisationId: 'org', unitId: 'u2', name: 'Wonen', parentUnitId: null },
];

/** A round of `teamId` every one of whose results is below the floor (so it must be withheld). */
const withheldRound = (teamId: string, roundThreshold: number, tenantThreshold: number) =>
  fc.record({ m: month, zone: fc.constantFrom(...ZONES) }).map(({ m, zone }): RoundRecord => ({
    ...round(`${teamId}-hidden`, new Date(Date.UTC(2026, m, 15, 12)).toISOString(), zone, { safety: 1, abi: 1, n: Math.max(roundThreshold, tenantThreshold) - 1, threshold: roundThreshold }),
    teamId,
  }));

describe('analytics anonymity under random organisations', () => {
  it('shows no team cell and no aggregate resting on fewer answers than the threshold', () => {
    let shownCells = 0;
    let withheldAggregates = 0;
    fc.assert(
      fc.property(organisation, ({ tenantThreshold, teams }) => {
        for (const sources of teams) {
          for (const shown of trustRounds(sources.rounds, tenantThreshold).shown) {
            const source = sources.rounds.find((r) => r.roundId === shown.roundId)!;
            const floor = Math.max(source.threshold, tenantThreshold);
            for (const cell of [shown.psychologicalSafety, shown.abi]) {
              if (cell === null) continue;
              shownCells++;
              expect(cell.n).toBeGreaterThanOrEqual(floor);
            }
          }
          const figures = JSON.stringify(teamFigures(sources, NOW, tenantThreshold));
          // A withheld round leaves no trace in the team's figures: not its id, not its scores.
          for (const r of sources.rounds) if (trustRounds([r], tenantThreshold).shown.length === 0) expect(figures).not.toContain(r.roundId);
        }
        const aggregates = [rollUp(teams, NOW, tenantThreshold), ...unitRollUps(UNITS, teams, NOW, tenantThreshold).map((u) => u.figures)].flatMap((f) => [f.psychologicalSafety, f.abi]);
        for (const aggregate of aggregates) {
          if (aggregate === null) withheldAggregates++;
          else expect(aggregate.n).toBeGreaterThanOrEqual(tenantThreshold);
        }
        for (const point of series('month', teams, '2026-01-01T00:00:00.000Z', NOW, tenantThreshold)) {
          const cells = Object.values(point).filter((v): v is { n: number } => typeof v === 'object' && v !== null && 'n' in v);
          for (const cell of cells) expect(cell.n).toBeGreaterThanOrEqual(tenantThreshold);
        }
      }),
      { numRuns: 100 },
    );
    expect(shownCells).toBeGreaterThan(50);
    expect(withheldAggregates).toBeGreaterThan(10);
  }, 60_000);

  it('a withheld round changes no roll-up, series or heat map (no differencing can recover it)', () => {
    fc.assert(
      fc.property(
        organisation.chain((org) =>
          fc.record({ org: fc.constant(org), which: fc.nat(3), roundThreshold: fc.integer({ min: 3, max: 8 }) }).chain(({ org: o, which, roundThreshold }) =>
            withheldRound(o.teams[which]!.team.teamId, roundThreshold, o.tenantThreshold).map((hidden) => ({ ...o, which, hidden })),
          ),
        ),
        ({ tenantThreshold, teams, which, hidden }) => {
          const withHidden = teams.map((t, i) => (i === which ? { ...t, rounds: [...t.rounds, hidden] } : t));
          // Fresh objects: roll-ups cache per TeamSources object.
          const copy = (ts: readonly TeamSources[]) => ts.map((t) => ({ ...t }));
          expect(rollUp(copy(withHidden), NOW, tenantThreshold)).toEqual(rollUp(copy(teams), NOW, tenantThreshold));
          expect(unitRollUps(UNITS, copy(withHidden), NOW, tenantThreshold)).toEqual(unitRollUps(UNITS, copy(teams), NOW, tenantThreshold));
          expect(series('quarter', copy(withHidden), '2026-01-01T00:00:00.000Z', NOW, tenantThreshold)).toEqual(series('quarter', copy(teams), '2026-01-01T00:00:00.000Z', NOW, tenantThreshold));
          expect(zoneHeatMap(UNITS, copy(withHidden), NOW, tenantThreshold)).toEqual(zoneHeatMap(UNITS, copy(teams), NOW, tenantThreshold));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
