export interface ScenarioRow {
  readonly scenario: string;
  readonly acknowledged: number;
  readonly stored: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly mismatches: number;
  readonly deadLettered: number;
  readonly recoveryMs: number | undefined;
  /** Everything else that is wrong: dead letters that are not the poison, a broken audit chain, the scenario's own requirement. */
  readonly problems: readonly string[];
  readonly note: string;
}

export const passed = (row: ScenarioRow): boolean => row.lost === 0 && row.duplicated === 0 && row.mismatches === 0 && row.problems.length === 0 && row.recoveryMs !== undefined;

const seconds = (ms: number | undefined) => (ms === undefined ? 'none' : `${(ms / 1000).toFixed(1)} s`);

/** The table the suite prints (and docs/reliability.md keeps), as Markdown. */
export function renderTable(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', 'commands acknowledged', 'events stored', 'lost', 'duplicated', 'read-model mismatches', 'dead-lettered', 'recovery time', 'result', 'notes'];
  const body = rows.map((r) => [r.scenario, String(r.acknowledged), String(r.stored), String(r.lost), String(r.duplicated), String(r.mismatches), String(r.deadLettered), seconds(r.recoveryMs), passed(r) ? 'pass' : 'FAIL', r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Why each failing row failed, one line each. */
export function renderProblems(rows: readonly ScenarioRow[]): string[] {
  return rows.flatMap((r) => [
    ...(r.lost > 0 ? [`${r.scenario}: ${r.lost} acknowledged events are not in the store`] : []),
    ...(r.duplicated > 0 ? [`${r.scenario}: ${r.duplicated} events of commands applied twice`] : []),
    ...(r.mismatches > 0 ? [`${r.scenario}: ${r.mismatches} read models differ from a rebuild`] : []),
    ...(r.recoveryMs === undefined ? [`${r.scenario}: did not catch up`] : []),
    ...r.problems.map((p) => `${r.scenario}: ${p}`),
  ]);
}
