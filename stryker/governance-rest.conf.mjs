import { libraryConfig, notMutated } from './base.mjs';

// The part of governance outside the team aggregate; see governance-team.conf.mjs.
const source = 'libs/governance/domain/src';

export default libraryConfig('governance', 'libs/governance/domain', { mutate: [`${source}/**/*.ts`, `!${source}/team/**`, ...notMutated] });
