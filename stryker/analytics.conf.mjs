import { libraryConfig } from './base.mjs';

export default libraryConfig('analytics', 'libs/analytics/domain');
