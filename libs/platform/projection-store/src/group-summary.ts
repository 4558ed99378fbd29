import { compareValues } from './ordered-index';
import type { GroupSummary } from './projection-store.port';

/**
 * `summarise`'s groups in `find`'s ascending order of their keys (null first): every adapter
 * answers in this order, whatever order its server grouped in.
 */
export const inKeyOrder = <G extends GroupSummary<string>>(groups: G[]): G[] => groups.sort((a, b) => compareValues(a.key, b.key));
