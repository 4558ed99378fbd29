import type { InstrumentDefinition } from '../instrument.model';

export const PSYCHOLOGICAL_SAFETY_ID = 'psychological-safety';

/**
 * Edmondson's team psychological safety scale, exactly as published: seven items, items
 * 1, 3 and 5 reverse-scored, one dimension, answered on a 7-point accuracy scale.
 */
export const PSYCHOLOGICAL_SAFETY_V1: InstrumentDefinition = {
  instrumentId: PSYCHOLOGICAL_SAFETY_ID,
  version: 1,
  title: 'Team psychological safety',
  source: {
    kind: 'published',
    citation: 'Edmondson, A. C. (1999). Psychological safety and learning behavior in work teams. Administrative Science Quarterly, 44(2), 350–383.',
    adaptation: null,
  },
  referent: 'this team',
  scale: { points: 7, lowAnchor: 'Very inaccurate', highAnchor: 'Very accurate' },
  dimensions: [{ dimensionId: 'psychological-safety', title: 'Psychological safety' }],
  items: [
    { itemId: 'ps-1', dimensionId: 'psychological-safety', reverse: true, text: 'If you make a mistake on this team, it is often held against you.' },
    { itemId: 'ps-2', dimensionId: 'psychological-safety', reverse: false, text: 'Members of this team are able to bring up problems and tough issues.' },
    { itemId: 'ps-3', dimensionId: 'psychological-safety', reverse: true, text: 'People on this team sometimes reject others for being different.' },
    { itemId: 'ps-4', dimensionId: 'psychological-safety', reverse: false, text: 'It is safe to take a risk on this team.' },
    { itemId: 'ps-5', dimensionId: 'psychological-safety', reverse: true, text: 'It is difficult to ask other members of this team for help.' },
    { itemId: 'ps-6', dimensionId: 'psychological-safety', reverse: false, text: 'No one on this team would deliberately act in a way that undermines my efforts.' },
    { itemId: 'ps-7', dimensionId: 'psychological-safety', reverse: false, text: 'Working with members of this team, my unique skills and talents are valued and utilized.' },
  ],
  total: 'mean-of-items',
};
