import { libraryConfig } from './base.mjs';

export default libraryConfig('kernel', 'libs/platform/kernel');
