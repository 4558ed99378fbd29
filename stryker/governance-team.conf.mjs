import { libraryConfig, notMutated } from './base.mjs';

// Governance is the largest domain library (about 4,100 mutants, more than an hour here), so it
// can also be run in two parts that share its incremental file (`governance.incremental.json`):
// Stryker keeps the results of files outside a run's `mutate` patterns, so after both parts the
// file and `node stryker/survivors.mjs governance` cover the whole library.
//   bash stryker/run.sh governance-team      the team aggregate (src/team/)
//   bash stryker/run.sh governance-rest      everything else
const source = 'libs/governance/domain/src';

export default libraryConfig('governance', 'libs/governance/domain', { mutate: [`${source}/team/**/*.ts`, ...notMutated] });
