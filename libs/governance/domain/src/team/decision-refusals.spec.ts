import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, boundarySet, financial, levelChanged, NOW, safety, T0, TEAM, teamCreated, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();

const decide = (overrides: Record<string, unknown> = {}): TeamCommand =>
  ({
    type: 'RecordDecision',
    data: {
      teamId: TEAM,
      decisionId: 'd-1',
      area: 'budget-spend',
      title: 'Buy two laptops',
      actedUnderLevel: 7,
      rationale: 'Two colleagues work without a device',
      optionsConsidered: ['Buy two laptops', 'Lease'],
      amount: { amount: 1800, currency: 'EUR' },
      unitBoundaries: unitFrame,
      ...overrides,
    },
  }) as never;

const recordedEarlier: TeamEvent = {
  type: 'DecisionRecorded',
  data: {
    teamId: TEAM,
    decisionId: 'd-1',
    area: 'budget-spend',
    title: 'earlier',
    actedUnderLevel: 7,
    rationale: 'r',
    optionsConsidered: ['a'],
    amount: null,
    mandate: { area: 'budget-spend', boardLevel: 7, boardLevelSetAt: T0, financialLimits: [], ruleBoundaryIds: [] },
    decidedBy: ANNA,
    decidedAt: T0,
  },
};
const delegated = [teamCreated(), levelChanged('budget-spend', 7), boundarySet(financial('t-per-decision', 2000)), boundarySet(safety)];
const options = (count: number) => Array.from({ length: count }, (_, i) => `Option ${i + 1}`);

describe('RecordDecision refusals', () => {
  it.each<[string, readonly TeamEvent[], Record<string, unknown>, string, string, string, string]>([
    ['on another team’s stream', delegated, { teamId: 'team-b' }, 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['without a decision id', delegated, { decisionId: ' d-1' }, 'DECISION.INVALID', 'invalid', 'decisionId', 'The decision id must be a non-empty id without surrounding spaces, at most 128 characters.'],
    ['a decision id already recorded', [...delegated, recordedEarlier], {}, 'DECISION.ALREADY_EXISTS', 'conflict', 'decisionId', 'Decision d-1 is already recorded.'],
    ['an area not on the board', delegated, { area: 'gardening' }, 'DECISION.AREA_UNKNOWN', 'invalid', 'area', "Team team-a's delegation board has no area gardening."],
    ['an area that is not text', delegated, { area: 7 }, 'DECISION.AREA_UNKNOWN', 'invalid', 'area', "Team team-a's delegation board has no area 7."],
    ['an empty title', delegated, { title: ' ' }, 'DECISION.TITLE_INVALID', 'invalid', 'title', 'What was decided must not be empty.'],
    ['a title of 201 characters', delegated, { title: 'x'.repeat(201) }, 'DECISION.TITLE_INVALID', 'invalid', 'title', 'What was decided may be at most 200 characters (got 201).'],
    ['a level that is not a whole number', delegated, { actedUnderLevel: 6.5 }, 'DECISION.LEVEL_INVALID', 'invalid', 'actedUnderLevel', 'actedUnderLevel must be a whole number from 1 (Tell) to 7 (Delegate).'],
    ['level 0', delegated, { actedUnderLevel: 0 }, 'DECISION.LEVEL_INVALID', 'invalid', 'actedUnderLevel', 'actedUnderLevel must be a whole number from 1 (Tell) to 7 (Delegate).'],
    ['an empty rationale', delegated, { rationale: '' }, 'DECISION.RATIONALE_INVALID', 'invalid', 'rationale', 'The rationale must not be empty.'],
    ['a rationale of 4001 characters', delegated, { rationale: 'r'.repeat(4001) }, 'DECISION.RATIONALE_INVALID', 'invalid', 'rationale', 'The rationale may be at most 4000 characters (got 4001).'],
    ['options that are not a list', delegated, { optionsConsidered: 'Buy, Lease' }, 'DECISION.OPTIONS_INVALID', 'invalid', 'optionsConsidered', 'List the options considered: 1 to 20.'],
    ['no options', delegated, { optionsConsidered: [] }, 'DECISION.OPTIONS_INVALID', 'invalid', 'optionsConsidered', 'List the options considered: 1 to 20.'],
    ['21 options', delegated, { optionsConsidered: options(21) }, 'DECISION.OPTIONS_INVALID', 'invalid', 'optionsConsidered', 'List the options considered: 1 to 20.'],
    ['an empty option', delegated, { optionsConsidered: ['Buy', ' '] }, 'DECISION.OPTIONS_INVALID', 'invalid', 'optionsConsidered.1', 'An option must not be empty.'],
    ['an option of 501 characters', delegated, { optionsConsidered: ['o'.repeat(501)] }, 'DECISION.OPTIONS_INVALID', 'invalid', 'optionsConsidered.0', 'An option may be at most 500 characters (got 501).'],
    ['an amount that is not money', delegated, { amount: '1800 EUR' }, 'DECISION.AMOUNT_INVALID', 'invalid', 'amount', expect.any(String) as never],
    ['an unknown way out', delegated, { onOutsideMandate: 'ignore' }, 'DECISION.ESCALATION_INVALID', 'invalid', 'onOutsideMandate', 'onOutsideMandate must be "reject" or "escalate".'],
  ])('refuses %s', (_what, given, overrides, code, category, field, message) => {
    spec.given(given).when(decide(overrides), as(ANNA)).thenRejects(code, { category: category as never, field, message });
  });

  it('refusing a decision outside the mandate explains every violation in one sentence each', () => {
    const rejection = spec
      .given([...delegated, levelChanged('budget-spend', 3, 7)])
      .when(decide({ amount: { amount: 2500, currency: 'EUR' } }), as(ANNA))
      .thenRejects('DECISION.LEVEL_ABOVE_MANDATE', {
        category: 'forbidden',
        field: 'actedUnderLevel',
        message:
          "Decision d-1 is outside the team's mandate: " +
          'The team acted at level 7 (Delegate), but the delegation board grants budget-spend only level 3 (Consult). ' +
          'EUR 2500 exceeds Limit t-per-decision: EUR 2000 per decision. ' +
          'Escalate it or stay within the mandate.',
      });
    expect(rejection.details).toMatchObject({
      violations: [
        { code: 'DECISION.LEVEL_ABOVE_MANDATE', field: 'actedUnderLevel', boundaryId: null },
        { code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 't-per-decision' },
      ],
    });
  });

  it('names the budget missing for an area no financial boundary covers', () => {
    spec
      .given([teamCreated(), levelChanged('tooling', 7)])
      .when(decide({ area: 'tooling', unitBoundaries: [] }), as(ANNA))
      .thenRejects('DECISION.NO_BUDGET', {
        category: 'forbidden',
        field: 'amount',
        message: "Decision d-1 is outside the team's mandate: No financial boundary covers tooling, so the team has no budget to spend EUR 1800. Escalate it or stay within the mandate.",
      });
  });

  it('names the limit whose currency differs', () => {
    spec
      .given(delegated)
      .when(decide({ amount: { amount: 10, currency: 'USD' }, unitBoundaries: [] }), as(ANNA))
      .thenRejects('DECISION.CURRENCY_MISMATCH', {
        category: 'forbidden',
        field: 'amount.currency',
        message: "Decision d-1 is outside the team's mandate: Limit t-per-decision is set in EUR; a decision in USD cannot be checked against it. Escalate it or stay within the mandate.",
      });
  });
});

describe('RecordDecision at its limits', () => {
  it('accepts a title of 200, a rationale of 4000, 20 options and an option of 500 characters, trimmed', () => {
    const title = 't'.repeat(200);
    const rationale = 'r'.repeat(4000);
    const many = [...options(19), 'o'.repeat(500)];
    spec
      .given([teamCreated(), levelChanged('planning', 5)])
      .when(decide({ area: 'planning', actedUnderLevel: 5, title: ` ${title} `, rationale, optionsConsidered: many, amount: undefined, unitBoundaries: [] }), as(ANNA))
      .then([
        {
          type: 'DecisionRecorded',
          data: {
            teamId: TEAM,
            decisionId: 'd-1',
            area: 'planning',
            title,
            actedUnderLevel: 5,
            rationale,
            optionsConsidered: many,
            amount: null,
            mandate: { area: 'planning', boardLevel: 5, boardLevelSetAt: T0, financialLimits: [], ruleBoundaryIds: [] },
            decidedBy: ANNA,
            decidedAt: now,
          },
        },
      ]);
  });

  it('takes an amount of null as no amount', () => {
    spec
      .given([teamCreated(), levelChanged('planning', 5)])
      .when(decide({ area: 'planning', actedUnderLevel: 5, amount: null, unitBoundaries: [] }), as(ANNA))
      .then([expect.objectContaining({ type: 'DecisionRecorded', data: expect.objectContaining({ amount: null }) }) as never]);
  });
});
