import { passed, renderProblems, renderTable, type ScenarioRow } from './report';

const row = (overrides: Partial<ScenarioRow> = {}): ScenarioRow => ({ scenario: '1 broker', acknowledged: 120, stored: 130, lost: 0, duplicated: 0, mismatches: 0, deadLettered: 0, recoveryMs: 4_250, problems: [], note: '', ...overrides });

describe('the fault table', () => {
  it('passes a scenario only with nothing lost, nothing twice, no mismatch, no other problem, and caught up', () => {
    expect(passed(row())).toBe(true);
    expect(passed(row({ lost: 1 }))).toBe(false);
    expect(passed(row({ duplicated: 1 }))).toBe(false);
    expect(passed(row({ mismatches: 1 }))).toBe(false);
    expect(passed(row({ problems: ['a dead letter that is no poison'] }))).toBe(false);
    expect(passed(row({ recoveryMs: undefined }))).toBe(false);
  });

  it('renders one Markdown row per scenario with the verdict, and says why one failed', () => {
    const rows = [row(), row({ scenario: '8 disk full', lost: 2, recoveryMs: undefined, note: '3 × 503' })];
    expect(renderTable(rows).split('\n')).toEqual([
      '| scenario    | commands acknowledged | events stored | lost | duplicated | read-model mismatches | dead-lettered | recovery time | result | notes   |',
      '|-------------|-----------------------|---------------|------|------------|-----------------------|---------------|---------------|--------|---------|',
      '| 1 broker    | 120                   | 130           | 0    | 0          | 0                     | 0             | 4.3 s         | pass   |         |',
      '| 8 disk full | 120                   | 130           | 2    | 0          | 0                     | 0             | none          | FAIL   | 3 × 503 |',
    ]);
    expect(renderProblems(rows)).toEqual(['8 disk full: 2 acknowledged events are not in the store', '8 disk full: did not catch up']);
  });
});
