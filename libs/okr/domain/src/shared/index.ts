export { MAX_REASON_LENGTH } from './validation';
