import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { EffectiveBoundary, FinancialBoundary } from '../shared/boundary.model';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import type { TeamState } from './team.state';
import { ANNA, BRAM, CHEN, COACH, financial, fromUnit, TEAM } from './team.fixtures';

/**
 * Random sequences of delegation, boundary and decision commands on one team, through the
 * real decider, at moving times. An independent model, built only from the accepted events,
 * holds the mandate valid at each moment (board level per area, the team's and the unit's
 * financial limits, what was spent this month); no decision is ever recorded outside it.
 */
const AREAS = ['budget-spend', 'hiring', 'tooling'] as const;
const area = fc.constantFrom<string>(...AREAS);
const period = fc.constantFrom<FinancialBoundary['period']>('per-decision', 'month');
/** Any amount up to 700, and often one at or a cent beside a unit limit (where a wrong comparison shows). */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 700_00 }).map((c) => c / 100),
  fc.constantFrom(300, 400, 500, 600).chain((edge) => fc.constantFrom(edge - 0.01, edge, edge + 0.01)),
);
const limit = fc.record({ id: fc.constantFrom('t-1', 't-2', 't-3'), amount, period, area: fc.option(area, { nil: null }) }).map(({ id, amount: a, period: p, area: ar }) => financial(id, a, p, ar));
const FRAMES: readonly (readonly EffectiveBoundary[])[] = [
  [],
  [fromUnit(financial('u-per-decision', 500))],
  [fromUnit(financial('u-per-decision', 400)), fromUnit(financial('u-month', 600, 'month'))],
  [fromUnit(financial('u-hiring', 300, 'per-decision', 'hiring'))],
];
const frame = fc.constantFrom(...FRAMES);

const command: fc.Arbitrary<TeamCommand> = fc.oneof(
  fc.record({ area, level: fc.integer({ min: 0, max: 8 }) }).map(({ area: a, level }) => ({ type: 'SetDelegationLevel', data: { teamId: TEAM, area: a, level } }) as TeamCommand),
  fc.record({ boundary: limit, unitBoundaries: frame }).map(({ boundary, unitBoundaries }) => ({ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary, unitBoundaries } }) as TeamCommand),
  fc.record({ id: fc.constantFrom('t-1', 't-2', 't-3'), unitBoundaries: frame }).map(({ id, unitBoundaries }) => ({ type: 'RemoveTeamBoundary', data: { teamId: TEAM, boundaryId: id, unitBoundaries } }) as TeamCommand),
  {
    weight: 4,
    arbitrary: fc
      .record({
        n: fc.nat(30),
        area,
        level: fc.oneof({ arbitrary: fc.constant(1), weight: 2 }, fc.integer({ min: 1, max: 7 })),
        amount: fc.option(amount, { nil: undefined }),
        unitBoundaries: frame,
        escalate: fc.boolean(),
      })
      .map(
        ({ n, area: a, level, amount: money, unitBoundaries, escalate }) =>
          ({
            type: 'RecordDecision',
            data: {
              teamId: TEAM,
              decisionId: `d-${n}`,
              area: a,
              title: 'A decision',
              actedUnderLevel: level,
              rationale: 'Because',
              optionsConsidered: ['this', 'that'],
              ...(money === undefined ? {} : { amount: { amount: money, currency: 'EUR' } }),
              unitBoundaries,
              ...(escalate ? { onOutsideMandate: 'escalate' } : {}),
            },
          }) as TeamCommand,
      ),
  },
);
/** Each step happens 0–20 days after the one before, at noon UTC (far from any month edge in any European zone). */
const step = fc.record({ command, daysLater: fc.nat(20), actor: fc.constantFrom(COACH, ANNA) });

const START = Date.UTC(2026, 0, 5, 12);
const DAY = 24 * 60 * 60 * 1000;
const setup: TeamEvent[] = [
  { type: 'TeamCreated', data: { teamId: TEAM, name: 'Wijkteam Noord', unitId: 'unit-care', purpose: null, createdBy: COACH, createdAt: new Date(START).toISOString() } },
  ...[COACH, ANNA, BRAM, CHEN].map(
    (memberId): TeamEvent => ({ type: 'MemberAdded', data: { teamId: TEAM, memberId, roles: memberId === COACH ? ['coach'] : ['member'], addedBy: COACH, addedAt: new Date(START).toISOString() } }),
  ),
];

/** The model: what the accepted events say, kept apart from the decider's own state. */
interface Model {
  readonly levels: Map<string, number>;
  readonly limits: Map<string, FinancialBoundary>;
  readonly spent: { area: string; amount: number; month: string }[];
}
const cents = (n: number) => Math.round(n * 100);
const monthOf = (iso: string) => iso.slice(0, 7);

function applies(model: Model, decision: Extract<TeamCommand, { type: 'RecordDecision' }>['data'], at: string): string[] {
  const problems: string[] = [];
  const boardLevel = model.levels.get(decision.area) ?? 1;
  if (decision.actedUnderLevel > boardLevel) problems.push(`level ${decision.actedUnderLevel} > board ${boardLevel}`);
  if (decision.amount === undefined) return problems;
  const covering = [...decision.unitBoundaries.map((b) => b.boundary), ...model.limits.values()].filter(
    (b): b is FinancialBoundary => b.kind === 'financial' && (b.decisionArea === null || b.decisionArea === decision.area),
  );
  if (covering.length === 0) problems.push('no budget');
  for (const b of covering) {
    const spent =
      b.period === 'per-decision' ? 0 : model.spent.filter((s) => s.month === monthOf(at) && (b.decisionArea === null || s.area === b.decisionArea)).reduce((sum, s) => sum + cents(s.amount), 0);
    if (spent + cents(decision.amount.amount) > cents(b.limit.amount)) problems.push(`${b.boundaryId}: ${spent} + ${cents(decision.amount.amount)} > ${cents(b.limit.amount)}`);
  }
  return problems;
}

const reached = { recorded: 0, escalated: 0, refused: 0, withMoney: 0 };

describe('team decider: decisions and the mandate under random command sequences', () => {
  it('never records a decision outside the mandate valid at its time, and escalates or refuses exactly those outside it', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50 }), (steps) => {
        let state: TeamState = setup.reduce(teamDecider.evolve, teamDecider.initialState);
        const model: Model = { levels: new Map(), limits: new Map(), spent: [] };
        let now = START;
        for (const { command: c, daysLater, actor } of steps) {
          now += daysLater * DAY;
          const context = testContext({ actor: { id: actor, kind: 'user' }, now: new Date(now), reason: 'we agreed' });
          const decision = teamDecider.decide(c, state, context);
          if (c.type === 'RecordDecision') {
            const outside = applies(model, c.data, new Date(now).toISOString());
            const known = state.decisions.has(c.data.decisionId);
            if (isRejection(decision)) {
              reached.refused++;
              // Refused: outside the mandate (and not asked to escalate), or a decision id used before.
              if (!known) expect({ refused: decision.code, outside }).toEqual({ refused: decision.code, outside: expect.arrayContaining([expect.any(String)]) });
            } else {
              const [event] = decision;
              if (event?.type === 'DecisionRecorded') {
                reached.recorded++;
                if (c.data.amount !== undefined) reached.withMoney++;
                expect({ decision: c.data, outside }).toEqual({ decision: c.data, outside: [] });
              } else if (event?.type === 'DecisionEscalated') {
                reached.escalated++;
                expect(outside.length).toBeGreaterThan(0);
                expect(c.data.onOutsideMandate).toBe('escalate');
              }
            }
          }
          const events = isRejection(decision) ? [] : decision;
          for (const event of events) {
            if (event.type === 'DelegationLevelChanged') model.levels.set(event.data.area, event.data.level);
            if (event.type === 'TeamBoundarySet' && event.data.boundary.kind === 'financial') model.limits.set(event.data.boundary.boundaryId, event.data.boundary);
            if (event.type === 'TeamBoundaryRemoved') model.limits.delete(event.data.boundaryId);
            if (event.type === 'DecisionRecorded' && event.data.amount !== null) model.spent.push({ area: event.data.area, amount: event.data.amount.amount, month: monthOf(event.data.decidedAt) });
          }
          state = events.reduce(teamDecider.evolve, state);
        }
      }),
      { numRuns: 300 },
    );
    // The sequences reach both sides of the mandate, with and without money.
    expect(reached.recorded).toBeGreaterThan(100);
    expect(reached.withMoney).toBeGreaterThan(20);
    expect(reached.escalated).toBeGreaterThan(20);
    expect(reached.refused).toBeGreaterThan(20);
  }, 60_000);

  it('never lets a team limit be wider than a unit limit that covers it, whatever the order of changes', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let state: TeamState = setup.reduce(teamDecider.evolve, teamDecider.initialState);
        let now = START;
        for (const { command: c, daysLater, actor } of steps) {
          now += daysLater * DAY;
          const decision = teamDecider.decide(c, state, testContext({ actor: { id: actor, kind: 'user' }, now: new Date(now), reason: 'we agreed' }));
          if (isRejection(decision)) continue;
          for (const event of decision) {
            if (event.type !== 'TeamBoundarySet' || event.data.boundary.kind !== 'financial' || c.type !== 'SetTeamBoundary') continue;
            const set = event.data.boundary;
            for (const { boundary: unit } of c.data.unitBoundaries) {
              if (unit.kind !== 'financial' || (unit.decisionArea !== null && unit.decisionArea !== set.decisionArea)) continue;
              // Same or shorter period under a unit limit: never more money.
              if (unit.period === 'per-decision' && set.period !== 'per-decision') continue;
              expect(cents(set.limit.amount)).toBeLessThanOrEqual(cents(unit.limit.amount));
            }
          }
          state = decision.reduce(teamDecider.evolve, state);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
