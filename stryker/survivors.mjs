// The score of each Stryker report, and the mutants that lived, with their source line:
//   node stryker/survivors.mjs                 every report in stryker/reports/
//   node stryker/survivors.mjs okr kernel      some of them
//   node stryker/survivors.mjs okr --scores    the scores only
// Score as Stryker reports it: (killed + timed out) / (killed + timed out + survived + no coverage);
// mutants that did not compile or crashed the runner ("errors") are left out of both.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'stryker', 'reports');
const args = process.argv.slice(2);
const scoresOnly = args.includes('--scores');
const requested = args.filter((arg) => !arg.startsWith('--'));
const names = requested.length > 0 ? requested : [...new Set(readdirSync(reports).filter((file) => /^[\w-]+(\.incremental)?\.json$/.test(file)).map((file) => file.replace(/(\.incremental)?\.json$/, '')))];
// The last run's report; a fresh clone has only the tracked incremental file, which holds the same results.
const reportOf = (name) => {
  const full = join(reports, `${name}.json`);
  return JSON.parse(readFileSync(existsSync(full) ? full : join(reports, `${name}.incremental.json`), 'utf8'));
};

const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

for (const name of names) {
  const report = reportOf(name);
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  const lived = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    for (const mutant of mutants) {
      if (mutant.status in counts) counts[mutant.status]++;
      else counts.other++;
      if (undetected.has(mutant.status)) lived.push({ file, mutant, line: lines[mutant.location.start.line - 1]?.trim() ?? '' });
    }
  }
  const caught = counts.Killed + counts.Timeout;
  const valid = caught + counts.Survived + counts.NoCoverage;
  const score = valid === 0 ? 100 : (100 * caught) / valid;
  console.log(`${name}: ${score.toFixed(2)} % — ${valid + counts.other} mutants, ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} survived, ${counts.NoCoverage} without coverage, ${counts.other} compile or runtime errors`);
  if (scoresOnly) continue;
  for (const { file, mutant, line } of lived) {
    const where = `${file.replace(/^libs\//, '')}:${mutant.location.start.line}`;
    console.log(`  ${mutant.status === 'NoCoverage' ? 'uncovered' : 'survived '} ${where} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '').slice(0, 60)}   | ${line.slice(0, 110)}`);
  }
}
