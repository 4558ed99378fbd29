import { libraryConfig } from './base.mjs';

export default libraryConfig('failure-learning', 'libs/failure-learning/domain');
