import { libraryConfig } from './base.mjs';

export default libraryConfig('governance', 'libs/governance/domain');
