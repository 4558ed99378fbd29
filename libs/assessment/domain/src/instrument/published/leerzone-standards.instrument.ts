import type { InstrumentDefinition } from '../instrument.model';

export const LEERZONE_STANDARDS_ID = 'leerzone-standards';

/**
 * How high and how clear the team's performance standards are: the second axis of the
 * four zones. No published scale measures exactly this, so this one is Leerzone's own and
 * marked as such. Six items, three per dimension, one reverse-scored item in each (to catch
 * agreeing with everything), on the same 7-point accuracy scale as the safety scale so a
 * team answers both in one breath. Scoring: each dimension is the mean of its three items
 * after reverse-scoring; the total (the "standards" score of the zones) is the mean of the
 * two dimensions.
 */
export const LEERZONE_STANDARDS_V1: InstrumentDefinition = {
  instrumentId: LEERZONE_STANDARDS_ID,
  version: 1,
  title: 'Team performance standards (height and clarity)',
  source: {
    kind: 'leerzone',
    note: "Leerzone's own instrument after the article's learning zone (high safety + high standards); not validated by published research. Read its scores as a conversation starter, not as a measurement.",
  },
  referent: 'this team',
  scale: { points: 7, lowAnchor: 'Very inaccurate', highAnchor: 'Very accurate' },
  dimensions: [
    { dimensionId: 'height', title: 'How high the standards are' },
    { dimensionId: 'clarity', title: 'How clear the standards are' },
  ],
  items: [
    { itemId: 'std-1', dimensionId: 'height', reverse: false, text: 'This team holds itself to high standards of work.' },
    { itemId: 'std-2', dimensionId: 'height', reverse: false, text: 'Members of this team expect excellent work from each other.' },
    { itemId: 'std-3', dimensionId: 'height', reverse: true, text: 'On this team, mediocre results are accepted without discussion.' },
    { itemId: 'std-4', dimensionId: 'clarity', reverse: false, text: 'Everyone on this team knows what good work looks like here.' },
    { itemId: 'std-5', dimensionId: 'clarity', reverse: false, text: "This team's goals and quality standards are clearly defined." },
    { itemId: 'std-6', dimensionId: 'clarity', reverse: true, text: 'It is often unclear what this team expects of its members.' },
  ],
  total: 'mean-of-dimensions',
};
