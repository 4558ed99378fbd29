import { describe } from '@jest/globals';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import type { OutcomesImported } from './outcomes';

/**
 * Analytics' own events (docs/analytics-api.md, "Outcomes next to trust") as a test: the
 * serialized form of every type at its current version. A failing snapshot means a stored shape
 * changed in place; add a version and an upcaster instead of updating the snapshot.
 */
const outcomesImported: OutcomesImported = {
  type: 'OutcomesImported',
  data: {
    importId: '0199a0b2-7c1e-7000-8000-0000000000e1',
    source: 'csv',
    rows: [{ teamId: 'team-a', period: '2026-Q1', engagement: 72, absenteeismRate: 4.1, innovativeIdeas: 6, projectLeadTimeDays: null }],
    importedBy: 'user-analyst',
    importedAt: '2026-04-02T09:00:00.000Z',
  },
};

describe('analytics event catalogue', () => {
  eventCatalogueTests([{ stream: 'outcomes', types: ['OutcomesImported'], examples: { OutcomesImported: outcomesImported } }]);
});
