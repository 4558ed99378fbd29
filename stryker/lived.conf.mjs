import { existsSync, readFileSync } from 'node:fs';
import { libraryConfig } from './base.mjs';

// Tests again only the lines where the last run left a mutant alive (survived or uncovered, and
// timed out with STRYKER_TIMEOUTS=1), for one library, after specs were written for them:
//   bash stryker/run.sh governance-lived       (or STRYKER_LIBRARY=governance npx stryker run stryker/lived.conf.mjs)
// Every mutant on those lines runs again (a killed one only if its covering tests changed); the
// results of the other lines stay as they are in the incremental file (Stryker keeps mutants
// outside a run's `mutate` ranges). Worth it when new spec files cover a whole aggregate: a plain
// incremental run would then test every mutant of it again (governance's team aggregate: 70 min).
const libraries = {
  kernel: 'libs/platform/kernel',
  governance: 'libs/governance/domain',
  okr: 'libs/okr/domain',
  assessment: 'libs/assessment/domain',
  'failure-learning': 'libs/failure-learning/domain',
  analytics: 'libs/analytics/domain',
};
const name = process.env.STRYKER_LIBRARY ?? '';
const dir = libraries[name];
if (!dir) throw new Error(`STRYKER_LIBRARY must be one of ${Object.keys(libraries).join(', ')} (got "${name}")`);
// run.sh copies the report before forget-static drops the static mutants that lived from it.
const reportFile = process.env.STRYKER_LIVED_FROM ?? new URL(`reports/${name}.incremental.json`, import.meta.url);
if (!existsSync(reportFile)) throw new Error(`${name} has no incremental report yet: run bash stryker/run.sh ${name} first`);

const lived = new Set(['Survived', 'NoCoverage', ...(process.env.STRYKER_TIMEOUTS === '1' ? ['Timeout'] : [])]);
const ranges = new Set();
for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(reportFile, 'utf8')).files)) {
  for (const { status, location } of mutants) {
    if (lived.has(status)) ranges.add(`${file}:${location.start.line}-${location.end.line}`);
  }
}
if (ranges.size === 0) throw new Error(`${name}: no mutant lived in the last run, nothing to test again`);

export default libraryConfig(name, dir, { mutate: [...ranges] });
