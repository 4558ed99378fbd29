import { libraryConfig } from './base.mjs';

export default libraryConfig('assessment', 'libs/assessment/domain');
