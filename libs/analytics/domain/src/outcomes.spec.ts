import { outcomesDecider, parseOutcomeCsv, ranks, spearman, validateOutcomeRows } from './outcomes';

const known = (id: string) => ['t1', 't2', 't3'].includes(id);

describe('outcome rows', () => {
  it('accepts rows with at least one measure, numbers or numeric strings', () => {
    expect(validateOutcomeRows([{ teamId: 't1', period: '2026-03', engagement: 71.5 }, { teamId: 't2', period: '2026-Q1', innovativeIdeas: '4', absenteeismRate: '3.2' }], known)).toEqual({
      rows: [
        { teamId: 't1', period: '2026-03', engagement: 71.5, absenteeismRate: null, innovativeIdeas: null, projectLeadTimeDays: null },
        { teamId: 't2', period: '2026-Q1', engagement: null, absenteeismRate: 3.2, innovativeIdeas: 4, projectLeadTimeDays: null },
      ],
    });
  });

  it('reports every problem of every row with its line and field, and keeps none of the rows', () => {
    const checked = validateOutcomeRows(
      [
        { teamId: 't1', period: '2026-03', engagement: 101 },
        { teamId: 'ghost', period: '2026-13', innovativeIdeas: 2.5 },
        { teamId: 't1', period: '2026-03', absenteeismRate: 3 },
        { teamId: 't3', period: '2026-Q2' },
        { teamId: 't2', period: '2026-Q2', colour: 'red', projectLeadTimeDays: -1 },
      ],
      known,
    );
    expect(checked.rows).toBeUndefined();
    expect(checked.errors!.map((e) => [e.line, e.field, e.code])).toEqual([
      [1, 'engagement', 'OUTCOMES.INVALID_ROW'],
      [2, 'teamId', 'OUTCOMES.UNKNOWN_TEAM'],
      [2, 'period', 'OUTCOMES.INVALID_ROW'],
      [2, 'innovativeIdeas', 'OUTCOMES.INVALID_ROW'],
      [3, 'period', 'OUTCOMES.DUPLICATE_ROW'],
      [4, 'engagement', 'OUTCOMES.INVALID_ROW'],
      [5, 'colour', 'OUTCOMES.INVALID_ROW'],
      [5, 'projectLeadTimeDays', 'OUTCOMES.INVALID_ROW'],
    ]);
    expect(checked.errors![0]!.message).toMatch(/0 to 100/);
  });

  it('reads a CSV with quotes, CRLF, a BOM and columns in any order; errors name the file’s line', () => {
    const csv = '\uFEFFperiod,teamId,engagement,innovativeIdeas\r\n2026-Q1,t1,70,3\r\n"2026-Q1","t2","",5\r\n\r\n2026-Q1,t3,80,\r\n';
    expect(parseOutcomeCsv(csv, known).rows!.map((r) => [r.teamId, r.engagement, r.innovativeIdeas])).toEqual([
      ['t1', 70, 3],
      ['t2', null, 5],
      ['t3', 80, null],
    ]);
    const bad = parseOutcomeCsv('teamId,period,engagement\nt1,2026-Q1,70\nt2,2026-Q1,seventy\nt3,2026-Q1\n', known);
    expect(bad.errors!.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'engagement', 'OUTCOMES.INVALID_ROW'],
      [4, 'csv', 'OUTCOMES.INVALID_CSV'],
      [4, 'engagement', 'OUTCOMES.INVALID_ROW'],
    ]);
    expect(parseOutcomeCsv('team,period\nt1,2026-Q1\n', known).errors![0]).toMatchObject({ line: 1, field: 'csv', code: 'OUTCOMES.INVALID_CSV' });
    expect(parseOutcomeCsv('teamId,period,engagement\n"t1,2026-Q1,5\n', known).errors![0]).toMatchObject({ code: 'OUTCOMES.INVALID_CSV' });
    expect(parseOutcomeCsv('teamId,period,engagement\n', known).errors![0]).toMatchObject({ field: 'rows' });
  });
});

describe('the outcomes decider', () => {
  const ctx = { actor: { id: 'ana' }, now: '2026-04-01T10:00:00.000Z' };
  const rows = [{ teamId: 't1', period: '2026-Q1', engagement: 70, absenteeismRate: null, innovativeIdeas: null, projectLeadTimeDays: null }];
  it('records an import as one event, and the same import id again as nothing', () => {
    const events = outcomesDecider.decide({ importId: 'i1', source: 'csv', rows }, outcomesDecider.initialState, ctx);
    expect(events).toEqual([{ type: 'OutcomesImported', data: { importId: 'i1', source: 'csv', rows, importedBy: 'ana', importedAt: ctx.now } }]);
    const state = outcomesDecider.evolve(outcomesDecider.initialState, events[0]!);
    expect(outcomesDecider.decide({ importId: 'i1', source: 'csv', rows }, state, ctx)).toEqual([]);
    expect(outcomesDecider.decide({ importId: 'i2', source: 'api', rows }, state, ctx)).toHaveLength(1);
  });
});

describe('Spearman’s rank correlation', () => {
  it('averages tied ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is 1 for the same order, -1 for the reverse, and Pearson’s r of the ranks with ties', () => {
    expect(spearman([[1, 10], [2, 20], [3, 30], [4, 1000]]).rho).toBe(1);
    expect(spearman([[1, 4], [2, 3], [3, 2], [4, 1]]).rho).toBe(-1);
    // Ranks of y: 1, 2, 3.5, 5, 3.5 → Σdxdy = 8, Σdx² = 10, Σdy² = 9.5 → 8/√95.
    expect(spearman([[1, 5], [2, 6], [3, 7], [4, 8], [5, 7]]).rho).toBe(0.821);
  });

  it('says honestly when n is too small, and gives no number below 3 or without spread', () => {
    expect(spearman([[1, 2], [2, 3]])).toEqual({ rho: null, n: 2, note: expect.stringMatching(/at least 3/) });
    expect(spearman([[1, 2], [2, 3], [3, 1]]).note).toMatch(/Only 3 teams/);
    expect(spearman([[1, 2], [2, 2], [3, 2]]).rho).toBeNull();
    const many = Array.from({ length: 12 }, (_, i) => [i, i * 2] as const);
    expect(spearman(many)).toEqual({ rho: 1, n: 12, note: expect.stringMatching(/not a cause/) });
  });
});
