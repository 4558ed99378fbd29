// Drops the static mutants that lived from a library's incremental report, so the next run tests them again:
//   node stryker/forget-static.mjs okr
// A static mutant runs when its module loads (a constant, a lookup table), so Stryker records no
// covering tests for it, and an incremental run reuses its last result even after the specs that
// would kill it were added (seen in failure-learning: `isConfidentialCaseEvent → () => undefined`
// "survived" from the first run, killed when tested again). A killed static mutant is kept: Stryker
// reuses it only while the test that killed it exists unchanged. run.sh calls this before every run.
//   node stryker/forget-static.mjs okr --timeouts   also drops the mutants that timed out, so a
// rerun on a quiet machine tells a real endless loop from a run slowed by the machine's load.
//   node stryker/forget-static.mjs governance --under libs/governance/domain/src/team/   (or --outside …)
// only in that part of the library, for a run that mutates only that part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const timeoutsToo = args.includes('--timeouts');
const forgotten = (mutant) => (mutant.static && mutant.status !== 'Killed') || (timeoutsToo && mutant.status === 'Timeout');
// A run over part of a library tests again only what it mutates: what it would forget elsewhere
// would be lost from the report (governance-team / -rest pass the part).
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const under = valueOf('--under');
const outside = valueOf('--outside');
const inPart = (file) => (under === undefined || file.startsWith(under)) && (outside === undefined || !file.startsWith(outside));
const flagValues = new Set([under, outside]);
for (const name of args.filter((arg) => !arg.startsWith('--') && !flagValues.has(arg))) {
  const file = join(root, 'stryker', 'reports', `${name}.incremental.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let dropped = 0;
  for (const [file, entry] of Object.entries(report.files)) {
    if (!inPart(file)) continue;
    const kept = entry.mutants.filter((mutant) => !forgotten(mutant));
    dropped += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  writeFileSync(file, JSON.stringify(report));
  console.log(`${name}: ${dropped} mutants (static ones that lived${timeoutsToo ? ', timeouts' : ''}) will be tested again`);
}
