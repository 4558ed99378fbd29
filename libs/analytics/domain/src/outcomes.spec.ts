import { MAX_OUTCOME_ROWS, csvRecords, outcomesDecider, outcomesStreamId, parseOutcomeCsv, ranks, spearman, validateOutcomeRows, type RowError } from './outcomes';

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

describe('outcome rows, field by field', () => {
  const anyTeam = () => true;
  const one = (row: Record<string, unknown>, knownTeam: (id: string) => boolean = known) => validateOutcomeRows([row], knownTeam);
  const problems = (checked: { errors?: readonly RowError[] }) => checked.errors?.map((e) => [e.line, e.field, e.code]);

  it.each([
    ['engagement', 101, /^engagement is the engagement index, 0–100 \(higher is better\): a number from 0 to 100, not 101\.$/],
    ['absenteeismRate', 100.5, /^absenteeismRate is the sickness absence, percent of contracted hours \(lower is better\): a number from 0 to 100, not 100\.5\.$/],
    ['innovativeIdeas', 2.5, /^innovativeIdeas is the innovative ideas the team submitted in the period \(higher is better\): a whole number from 0 to 100000, not 2\.5\.$/],
    ['projectLeadTimeDays', 3651, /^projectLeadTimeDays is the median project lead time in days \(lower is better\): a number from 0 to 3650, not 3651\.$/],
    ['engagement', '-1', /a number from 0 to 100, not "-1"\.$/],
  ])('refuses %s %p, saying what the measure is and the values it takes', (name, value, message) => {
    const checked = one({ teamId: 't1', period: '2026-03', [name]: value });
    expect(checked.errors).toEqual([{ line: 1, field: name, code: 'OUTCOMES.INVALID_ROW', message: expect.stringMatching(message) }]);
  });

  it('takes every measure at its bounds; lead time in days may be a fraction', () => {
    const rows = [
      { teamId: 't1', period: '2026-01', engagement: 0, absenteeismRate: 0, innovativeIdeas: 0, projectLeadTimeDays: 0 },
      { teamId: 't1', period: '2026-02', engagement: 100, absenteeismRate: 100, innovativeIdeas: 100_000, projectLeadTimeDays: 3650 },
      { teamId: 't1', period: '2026-03', projectLeadTimeDays: 12.5 },
    ];
    expect(validateOutcomeRows(rows, known).rows).toEqual([
      { teamId: 't1', period: '2026-01', engagement: 0, absenteeismRate: 0, innovativeIdeas: 0, projectLeadTimeDays: 0 },
      { teamId: 't1', period: '2026-02', engagement: 100, absenteeismRate: 100, innovativeIdeas: 100_000, projectLeadTimeDays: 3650 },
      { teamId: 't1', period: '2026-03', engagement: null, absenteeismRate: null, innovativeIdeas: null, projectLeadTimeDays: 12.5 },
    ]);
  });

  it('reads a numeric string with spaces around it and any decimals; null, undefined and empty are not measured', () => {
    expect(one({ teamId: 't1', period: '2026-03', engagement: ' 71.25 ', absenteeismRate: null, innovativeIdeas: '', projectLeadTimeDays: undefined }).rows).toEqual([
      { teamId: 't1', period: '2026-03', engagement: 71.25, absenteeismRate: null, innovativeIdeas: null, projectLeadTimeDays: null },
    ]);
  });

  it.each(['+12', '.5', '12.', '1e1', '0x10', '12 kg', 'seventy', true, {}, ['12'], Number.NaN, Number.POSITIVE_INFINITY])('refuses %p as a measure', (value) => {
    expect(problems(one({ teamId: 't1', period: '2026-03', engagement: value }))).toEqual([[1, 'engagement', 'OUTCOMES.INVALID_ROW']]);
  });

  it('refuses a row that is not an object, as a row without a team or a period', () => {
    const checked = validateOutcomeRows(['t1,2026-03,70', null, ['t1', '2026-03'], 7], known);
    expect(problems(checked)).toEqual([1, 2, 3, 4].flatMap((line) => [
      [line, 'teamId', 'OUTCOMES.INVALID_ROW'],
      [line, 'period', 'OUTCOMES.INVALID_ROW'],
    ]));
  });

  it('names the column it does not know, the team it does not know, and what a period and a team id are', () => {
    const checked = validateOutcomeRows([{ teamId: 't1', period: '2026-03', engagement: 70, colour: 'red' }, { teamId: 'ghost', period: 'March', engagement: 70 }], known);
    expect(checked.errors).toEqual([
      { line: 1, field: 'colour', code: 'OUTCOMES.INVALID_ROW', message: 'colour is not a column of an outcome row.' },
      { line: 2, field: 'teamId', code: 'OUTCOMES.UNKNOWN_TEAM', message: 'No team ghost in this tenant.' },
      { line: 2, field: 'period', code: 'OUTCOMES.INVALID_ROW', message: 'period is a month (2026-03) or a quarter (2026-Q1).' },
    ]);
    expect(one({ period: '2026-03', engagement: 70 }).errors).toEqual([{ line: 1, field: 'teamId', code: 'OUTCOMES.INVALID_ROW', message: 'teamId is the team’s id (governance’s), 1–200 characters.' }]);
  });

  it('refuses a team id that is missing, blank, not a string or longer than 200 characters, before asking whether the team exists', () => {
    for (const teamId of [undefined, '', '   ', 42, 'x'.repeat(201)]) {
      expect(problems(one({ teamId, period: '2026-03', engagement: 70 }, anyTeam))).toEqual([[1, 'teamId', 'OUTCOMES.INVALID_ROW']]);
    }
    expect(one({ teamId: 'x'.repeat(200), period: '2026-03', engagement: 70 }, anyTeam).rows).toHaveLength(1);
  });

  it('trims the team id and the period', () => {
    expect(one({ teamId: ' t1 ', period: ' 2026-Q2 ', engagement: 70 }).rows).toMatchObject([{ teamId: 't1', period: '2026-Q2' }]);
  });

  it.each([undefined, 202603, '2026-3', '2026-00', '2026-13', '2026-Q5', '12026-03', '2026-031', '2026-Q12', 'x2026-Q1'])('refuses the period %p', (period) => {
    expect(problems(one({ teamId: 't1', period, engagement: 70 }))).toEqual([[1, 'period', 'OUTCOMES.INVALID_ROW']]);
  });

  it('asks for at least one measure, naming them all', () => {
    expect(one({ teamId: 't1', period: '2026-03', engagement: null }).errors).toEqual([
      { line: 1, field: 'engagement', code: 'OUTCOMES.INVALID_ROW', message: 'A row needs at least one measure (engagement, absenteeismRate, innovativeIdeas, projectLeadTimeDays).' },
    ]);
  });

  it('a team and period twice: every later row names the first line; a row already refused is not called a duplicate too', () => {
    const row = { teamId: 't1', period: '2026-03', engagement: 70 };
    const checked = validateOutcomeRows([row, { ...row, engagement: 101 }, row, row], known);
    expect(checked.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'engagement', code: 'OUTCOMES.INVALID_ROW' }),
      { line: 3, field: 'period', code: 'OUTCOMES.DUPLICATE_ROW', message: 'Team t1 and period 2026-03 appear already on line 1.' },
      { line: 4, field: 'period', code: 'OUTCOMES.DUPLICATE_ROW', message: 'Team t1 and period 2026-03 appear already on line 1.' },
    ]);
  });

  it(`an import holds 1 to ${MAX_OUTCOME_ROWS} rows`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ teamId: `t${i}`, period: '2026-Q1', engagement: 70 }));
    expect(validateOutcomeRows([], known).errors).toEqual([{ line: 0, field: 'rows', code: 'OUTCOMES.INVALID_ROW', message: 'An import needs at least one row.' }]);
    expect(validateOutcomeRows(rows(MAX_OUTCOME_ROWS), anyTeam).rows).toHaveLength(MAX_OUTCOME_ROWS);
    expect(validateOutcomeRows(rows(MAX_OUTCOME_ROWS + 1), anyTeam).errors).toEqual([{ line: 0, field: 'rows', code: 'OUTCOMES.INVALID_ROW', message: 'An import holds at most 5000 rows; split it.' }]);
  });
});

describe('CSV records (RFC 4180)', () => {
  it('splits records on LF, CRLF and a lone CR, and keeps an empty line as an empty record', () => {
    expect(csvRecords('a,b\r\nc\rd\n\ne\n')).toEqual([['a', 'b'], ['c'], ['d'], [''], ['e']]);
  });

  it('keeps the last record without a line break, and an empty last field', () => {
    expect(csvRecords('a,b')).toEqual([['a', 'b']]);
    expect(csvRecords('x')).toEqual([['x']]);
    expect(csvRecords('a,')).toEqual([['a', '']]);
    expect(csvRecords('a\n')).toEqual([['a']]);
    expect(csvRecords('')).toEqual([]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes; a quote inside an unquoted field is a character', () => {
    expect(csvRecords('"a,b","say ""hi""","x\ny"\nab"c,d\n')).toEqual([
      ['a,b', 'say "hi"', 'x\ny'],
      ['ab"c', 'd'],
    ]);
  });

  it('strips a byte order mark only at the start', () => {
    expect(csvRecords('\uFEFF"a",b\n')).toEqual([['a', 'b']]);
    expect(csvRecords('a,b\uFEFF')).toEqual([['a', 'b\uFEFF']]);
  });

  it('gives null for a quote left open', () => {
    expect(csvRecords('a,"b\nc\n')).toBeNull();
  });
});

describe('outcome CSV files', () => {
  const problems = (checked: { errors?: readonly RowError[] }) => checked.errors?.map((e) => [e.line, e.field, e.code]);
  const HEADER_RULE = 'The header names each column once, from teamId, period, engagement, absenteeismRate, innovativeIdeas, projectLeadTimeDays (teamId and period required)';

  it('refuses a quote left open, for the whole file', () => {
    expect(parseOutcomeCsv('teamId,period,engagement\n"t1,2026-Q1,5\n', known)).toEqual({ errors: [{ line: 0, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: 'A quoted field is never closed.' }] });
  });

  it.each(['period,engagement', 'teamId,engagement', 'engagement', 'teamId,period,engagement,engagement'])('refuses the header %p on line 1, saying what a header holds', (header) => {
    expect(parseOutcomeCsv(`${header}\nt1,2026-Q1,70\n`, known)).toEqual({ errors: [{ line: 1, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: `${HEADER_RULE}.` }] });
  });

  it('refuses an empty file as a file without a header', () => {
    expect(parseOutcomeCsv('', known)).toEqual({ errors: [{ line: 1, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: `${HEADER_RULE}.` }] });
  });

  it('names the columns of the header it does not know', () => {
    expect(parseOutcomeCsv('teamId,period,colour,size\nt1,2026-Q1,red,L\n', known).errors).toEqual([{ line: 1, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: `${HEADER_RULE}; unknown: colour, size.` }]);
  });

  it('trims the header’s names, and takes a BOM before a quoted first name', () => {
    expect(parseOutcomeCsv(' teamId , period ,engagement\nt1,2026-Q1,70\n', known).rows).toHaveLength(1);
    expect(parseOutcomeCsv('\uFEFF"teamId",period,engagement\nt1,2026-Q1,70\n', known).rows).toHaveLength(1);
  });

  it('skips blank lines but keeps their numbers; a line of one field or an empty first field is read', () => {
    const csv = 'teamId,period,engagement\r\n\r\n   \r\nt1\r\n,2026-Q1,70\r\nt2,2026-Q1,70\r\n';
    expect(problems(parseOutcomeCsv(csv, known))).toEqual([
      [4, 'csv', 'OUTCOMES.INVALID_CSV'],
      [4, 'period', 'OUTCOMES.INVALID_ROW'],
      [5, 'teamId', 'OUTCOMES.INVALID_ROW'],
    ]);
  });

  it('a line with too few fields: its missing measures are empty, and the error says how many fields it has', () => {
    const checked = parseOutcomeCsv('teamId,period,engagement,innovativeIdeas\nt1,2026-Q1,70\n', known);
    expect(checked).toEqual({ errors: [{ line: 2, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: 'Line 2 has 3 fields; the header has 4.' }] });
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

  it('writes the clock as an ISO instant when it is a Date, and keeps one stream per tenant', () => {
    const [event] = outcomesDecider.decide({ importId: 'i1', source: 'api', rows }, outcomesDecider.initialState, { actor: { id: 'ana' }, now: new Date('2026-04-01T10:00:00Z') });
    expect(event!.data.importedAt).toBe('2026-04-01T10:00:00.000Z');
    expect(outcomesStreamId('acme')).toBe('analytics-outcomes-acme');
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

  it('counts teams in its note: none, one, two', () => {
    expect(spearman([])).toEqual({ rho: null, n: 0, note: 'Only 0 teams with both measures: a correlation needs at least 3, and means little below 10.' });
    expect(spearman([[1, 2]]).note).toBe('Only 1 team with both measures: a correlation needs at least 3, and means little below 10.');
    expect(spearman([[1, 2], [2, 3]]).note).toMatch(/^Only 2 teams with both measures/);
  });

  it('gives a number from 3 teams on, with a warning below 10', () => {
    expect(spearman([[1, 2], [2, 3], [3, 1]])).toEqual({ rho: -0.5, n: 3, note: expect.stringMatching(/^Only 3 teams: .*by chance/) });
    const ten = Array.from({ length: 10 }, (_, i) => [i, 10 - i] as const);
    expect(spearman(ten)).toEqual({ rho: -1, n: 10, note: 'A correlation across teams, not a cause: teams differ in more than trust.' });
    expect(spearman(ten.slice(1)).note).toMatch(/^Only 9 teams/);
  });

  it('no number when either side has no spread', () => {
    const none = { rho: null, n: 3, note: 'Every team has the same value on one side: there is no order to correlate.' };
    expect(spearman([[1, 1], [1, 2], [1, 3]])).toEqual(none);
    expect(spearman([[1, 2], [2, 2], [3, 2]])).toEqual(none);
  });
});
