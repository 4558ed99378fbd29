/**
 * Outcomes next to trust: the article's measurable results (higher engagement, lower
 * absenteeism, more innovative ideas, shorter project lead times) per team and period,
 * imported by analysts and kept as analytics' own events. Rows are validated one by one
 * with errors per line; an import is one event, so it is recorded whole or not at all.
 * Pure: the decider takes the import id and clock from the command and its context.
 */

export const OUTCOME_MEASURES = ['engagement', 'absenteeismRate', 'innovativeIdeas', 'projectLeadTimeDays'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** What each measure is and the values it takes. */
export const OUTCOME_RULES: Readonly<Record<OutcomeMeasure, { readonly min: number; readonly max: number; readonly integer: boolean; readonly meaning: string }>> = {
  engagement: { min: 0, max: 100, integer: false, meaning: 'engagement index, 0–100 (higher is better)' },
  absenteeismRate: { min: 0, max: 100, integer: false, meaning: 'sickness absence, percent of contracted hours (lower is better)' },
  innovativeIdeas: { min: 0, max: 100_000, integer: true, meaning: 'innovative ideas the team submitted in the period (higher is better)' },
  projectLeadTimeDays: { min: 0, max: 3650, integer: false, meaning: 'median project lead time in days (lower is better)' },
};

/** A month (`2026-03`) or a quarter (`2026-Q1`). */
export const OUTCOME_PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** At most this many rows per import: one import is one event. */
export const MAX_OUTCOME_ROWS = 5_000;

export interface OutcomeRow {
  readonly teamId: string;
  readonly period: string;
  readonly engagement: number | null;
  readonly absenteeismRate: number | null;
  readonly innovativeIdeas: number | null;
  readonly projectLeadTimeDays: number | null;
}

export interface RowError {
  /** 1-based: the line of the CSV file (the header is line 1), or the row's place in a JSON list. */
  readonly line: number;
  readonly field: string;
  readonly code: 'OUTCOMES.INVALID_ROW' | 'OUTCOMES.UNKNOWN_TEAM' | 'OUTCOMES.DUPLICATE_ROW' | 'OUTCOMES.INVALID_CSV';
  readonly message: string;
}

export type RowsOrErrors = { readonly rows: readonly OutcomeRow[]; readonly errors?: undefined } | { readonly rows?: undefined; readonly errors: readonly RowError[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a measure given as a number or a numeric string (CSV); empty means not measured. */
function measure(raw: unknown, name: OutcomeMeasure, line: number, errors: RowError[]): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  const rule = OUTCOME_RULES[name];
  if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
    errors.push({ line, field: name, code: 'OUTCOMES.INVALID_ROW', message: `${name} is the ${rule.meaning}: ${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}, not ${JSON.stringify(raw)}.` });
    return null;
  }
  return value;
}

/**
 * Validates rows (objects with teamId, period and the measures), every row and every field,
 * collecting each error with its line. `lineOf(i)` maps a row index to the line reported.
 * `knownTeam` says whether a team id is one of the tenant's teams.
 */
export function validateOutcomeRows(raw: readonly unknown[], knownTeam: (teamId: string) => boolean, lineOf: (index: number) => number = (i) => i + 1): RowsOrErrors {
  const errors: RowError[] = [];
  const rows: OutcomeRow[] = [];
  if (raw.length === 0) return { errors: [{ line: 0, field: 'rows', code: 'OUTCOMES.INVALID_ROW', message: 'An import needs at least one row.' }] };
  if (raw.length > MAX_OUTCOME_ROWS) return { errors: [{ line: 0, field: 'rows', code: 'OUTCOMES.INVALID_ROW', message: `An import holds at most ${MAX_OUTCOME_ROWS} rows; split it.` }] };
  const seen = new Map<string, number>();
  raw.forEach((item, index) => {
    const line = lineOf(index);
    const before = errors.length;
    const row = isRecord(item) ? item : {};
    for (const key of Object.keys(row)) {
      if (key !== 'teamId' && key !== 'period' && !(OUTCOME_MEASURES as readonly string[]).includes(key)) errors.push({ line, field: key, code: 'OUTCOMES.INVALID_ROW', message: `${key} is not a column of an outcome row.` });
    }
    const teamId = typeof row['teamId'] === 'string' ? row['teamId'].trim() : '';
    if (teamId === '' || teamId.length > 200) errors.push({ line, field: 'teamId', code: 'OUTCOMES.INVALID_ROW', message: 'teamId is the team’s id (governance’s), 1–200 characters.' });
    else if (!knownTeam(teamId)) errors.push({ line, field: 'teamId', code: 'OUTCOMES.UNKNOWN_TEAM', message: `No team ${teamId} in this tenant.` });
    const period = typeof row['period'] === 'string' ? row['period'].trim() : '';
    if (!OUTCOME_PERIOD.test(period)) errors.push({ line, field: 'period', code: 'OUTCOMES.INVALID_ROW', message: 'period is a month (2026-03) or a quarter (2026-Q1).' });
    const values = Object.fromEntries(OUTCOME_MEASURES.map((name) => [name, measure(row[name], name, line, errors)])) as Record<OutcomeMeasure, number | null>;
    if (errors.length === before && OUTCOME_MEASURES.every((name) => values[name] === null)) {
      errors.push({ line, field: 'engagement', code: 'OUTCOMES.INVALID_ROW', message: `A row needs at least one measure (${OUTCOME_MEASURES.join(', ')}).` });
    }
    const key = `${teamId}␀${period}`;
    if (errors.length === before && seen.has(key)) errors.push({ line, field: 'period', code: 'OUTCOMES.DUPLICATE_ROW', message: `Team ${teamId} and period ${period} appear already on line ${seen.get(key)}.` });
    seen.set(key, seen.get(key) ?? line);
    if (errors.length === before) rows.push({ teamId, period, ...values });
  });
  return errors.length > 0 ? { errors } : { rows };
}

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF or LF); null when a quote is left open. */
export function csvRecords(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (i < body.length) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && body[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) return null;
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The columns an outcome CSV has (header on line 1; any order; measures may be left out). */
export const OUTCOME_CSV_COLUMNS = ['teamId', 'period', ...OUTCOME_MEASURES] as const;

/** Parses and validates an outcome CSV: errors name the file's line and the column. */
export function parseOutcomeCsv(text: string, knownTeam: (teamId: string) => boolean): RowsOrErrors {
  const records = csvRecords(text);
  if (records === null) return { errors: [{ line: 0, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: 'A quoted field is never closed.' }] };
  const [header, ...lines] = records;
  const columns = (header ?? []).map((h) => h.trim());
  const unknown = columns.filter((c) => !(OUTCOME_CSV_COLUMNS as readonly string[]).includes(c));
  if (!columns.includes('teamId') || !columns.includes('period') || unknown.length > 0 || new Set(columns).size !== columns.length) {
    return { errors: [{ line: 1, field: 'csv', code: 'OUTCOMES.INVALID_CSV', message: `The header names each column once, from ${OUTCOME_CSV_COLUMNS.join(', ')} (teamId and period required)${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.` }] };
  }
  const indexed = lines.map((fields, i) => ({ fields, line: i + 2 })).filter(({ fields }) => !(fields.length === 1 && fields[0]!.trim() === ''));
  const width: RowError[] = indexed
    .filter(({ fields }) => fields.length !== columns.length)
    .map(({ fields, line }) => ({ line, field: 'csv', code: 'OUTCOMES.INVALID_CSV' as const, message: `Line ${line} has ${fields.length} fields; the header has ${columns.length}.` }));
  const rows = indexed.map(({ fields }) => Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? ''])));
  const checked = validateOutcomeRows(rows, knownTeam, (i) => indexed[i]!.line);
  if (width.length === 0) return checked;
  return { errors: [...width, ...(checked.errors ?? [])].sort((a, b) => a.line - b.line) };
}

// The decider (shapes compatible with the kernel's Decider, without depending on it).

export interface ImportOutcomes {
  readonly importId: string;
  readonly source: 'api' | 'csv';
  readonly rows: readonly OutcomeRow[];
}

export interface OutcomesImported {
  readonly type: 'OutcomesImported';
  readonly data: { readonly importId: string; readonly source: 'api' | 'csv'; readonly rows: readonly OutcomeRow[]; readonly importedBy: string; readonly importedAt: string };
}

export interface OutcomesState {
  readonly importIds: readonly string[];
}

interface Context {
  readonly actor: { readonly id: string };
  readonly now: string | Date;
}

/**
 * One stream per tenant (`analytics-outcomes-<tenant>`): an import is one event, so it is
 * recorded whole or not at all; the same import id again records nothing (a retried upload).
 */
export const outcomesDecider = {
  initialState: { importIds: [] } as OutcomesState,
  decide(command: ImportOutcomes, state: OutcomesState, ctx: Context): OutcomesImported[] {
    if (state.importIds.includes(command.importId)) return [];
    const importedAt = typeof ctx.now === 'string' ? ctx.now : ctx.now.toISOString();
    return [{ type: 'OutcomesImported', data: { importId: command.importId, source: command.source, rows: command.rows, importedBy: ctx.actor.id, importedAt } }];
  },
  evolve(state: OutcomesState, event: OutcomesImported): OutcomesState {
    return { importIds: [...state.importIds, event.data.importId] };
  },
};

export const outcomesStreamId = (tenantId: string): string => `analytics-outcomes-${tenantId}`;

/** Average ranks (1-based), ties sharing the mean of their places. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    for (let k = i; k <= j; k++) out[order[k]!.index] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Below this many teams a rank correlation is reported with a warning; below 3 not at all. */
export const MIN_TEAMS_FOR_CORRELATION = 10;

export interface RankCorrelation {
  /** Spearman's ρ (Pearson's r of the average ranks), 3 decimals; null when n < 3 or a side has no spread. */
  readonly rho: number | null;
  readonly n: number;
  readonly note: string | null;
}

export function spearman(pairs: ReadonlyArray<readonly [number, number]>): RankCorrelation {
  const n = pairs.length;
  if (n < 3) return { rho: null, n, note: `Only ${n} team${n === 1 ? '' : 's'} with both measures: a correlation needs at least 3, and means little below ${MIN_TEAMS_FOR_CORRELATION}.` };
  const x = ranks(pairs.map((p) => p[0]));
  const y = ranks(pairs.map((p) => p[1]));
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mean) * (y[i]! - mean);
    sxx += (x[i]! - mean) ** 2;
    syy += (y[i]! - mean) ** 2;
  }
  if (sxx === 0 || syy === 0) return { rho: null, n, note: 'Every team has the same value on one side: there is no order to correlate.' };
  const rho = Math.round((sxy / Math.sqrt(sxx * syy)) * 1000) / 1000;
  const note =
    n < MIN_TEAMS_FOR_CORRELATION
      ? `Only ${n} teams: with so few, a rank correlation this size can easily arise by chance; read it as a question, not a finding.`
      : 'A correlation across teams, not a cause: teams differ in more than trust.';
  return { rho, n, note };
}
