import { libraryConfig } from './base.mjs';

export default libraryConfig('okr', 'libs/okr/domain');
