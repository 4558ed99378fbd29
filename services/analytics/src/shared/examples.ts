/**
 * The OpenAPI examples, computed by the domain from one small example team, so an example can
 * never drift from what the API answers.
 */
import { detectSignals, rollUp, series, teamFigures, teamRow, type TeamSources } from '@leerzone/analytics-domain';

const TEAM = '0199a0b2-7c1e-7000-8000-0000000000a1';
const ref = (n: number, stream = `team-4:acme:${TEAM}`) => ({ eventId: `0199a0b2-7c1e-7000-8000-0000000001${String(n).padStart(2, '0')}`, streamId: stream, streamPosition: n });
const NOW = '2026-06-30T12:00:00.000Z';

const example: TeamSources = {
  team: {
    tenantId: 'acme',
    teamId: TEAM,
    name: 'Noord',
    unitId: 'u-care',
    phase: 'pilot',
    phaseSince: '2026-01-05T09:00:00.000Z',
    phaseHistory: [
      { phase: 'preparing', since: '2025-12-01T09:00:00.000Z', ...ref(1) },
      { phase: 'pilot', since: '2026-01-05T09:00:00.000Z', ...ref(9) },
    ],
    memberCount: 7,
    yesMemberIds: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'],
    delegation: { tooling: 7, 'budget-spend': 3 },
    delegationChanges: [
      { ...ref(10), area: 'budget-spend', from: 5, to: 3, at: '2026-02-12T10:00:00.000Z' },
      { ...ref(11), area: 'tooling', from: 4, to: 7, at: '2026-02-20T10:00:00.000Z' },
    ],
    boundaryCount: 2,
    boundaryChanges: [{ ...ref(12), boundaryId: 'b-budget', kind: 'financial', change: 'set', effect: 'narrowed', at: '2026-02-12T10:05:00.000Z' }],
    decisionsRecorded: 12,
    decisionsEscalated: 3,
    decisionsApproved: 1,
    decisionsRefused: 1,
    decisionsByArea: { tooling: { recorded: 9 }, 'budget-spend': { recorded: 3, escalated: 3, approved: 1, refused: 1 } },
    escalations: [
      { ...ref(13), decisionId: 'd-1', area: 'budget-spend', at: '2026-03-02T09:00:00.000Z' },
      { ...ref(14), decisionId: 'd-2', area: 'budget-spend', at: '2026-03-20T09:00:00.000Z' },
      { ...ref(15), decisionId: 'd-3', area: 'budget-spend', at: '2026-04-10T09:00:00.000Z' },
    ],
    createdAt: '2025-12-01T09:00:00.000Z',
    lastActivityAt: '2026-04-10T09:00:00.000Z',
  },
  rounds: [
    {
      tenantId: 'acme',
      roundId: 'r-1',
      teamId: TEAM,
      instrumentIds: ['psychological-safety', 'abi-trustworthiness', 'leerzone-standards'],
      groupSize: 7,
      threshold: 5,
      openedAt: '2026-03-01T09:00:00.000Z',
      state: 'closed',
      closedAt: '2026-03-15T17:00:00.000Z',
      outcome: 'results',
      closed: ref(4, 'assessment-round-4:acme:r-1'),
      results: [
        { instrumentId: 'psychological-safety', n: 6, total: 4.6, dimensions: { safety: 4.6 } },
        { instrumentId: 'abi-trustworthiness', n: 6, total: 3.9, dimensions: { ability: 4.1, benevolence: 3.7, integrity: 3.9 } },
        { instrumentId: 'leerzone-standards', n: 6, total: 5.3, dimensions: { standards: 5.3 } },
      ],
      zone: { zone: 'anxiety', safety: 4.6, standards: 5.3 },
      zoneChange: { ...ref(5, 'assessment-round-4:acme:r-1'), from: 'learning', to: 'anxiety', at: '2026-03-15T17:00:00.000Z' },
    },
  ],
  objectives: [
    {
      tenantId: 'acme',
      objectiveId: 'obj-1',
      cycleId: 'cycle-q1',
      owner: { kind: 'team', id: TEAM },
      teamId: TEAM,
      commitment: 'aspirational',
      committed: true,
      keyResults: {
        'kr-1': { weight: 1, removed: false, status: 'on-track', attainment: 1, confidence: 8, checkIns: 6, lastCheckInAt: '2026-03-25T09:00:00.000Z', score: 1, goalpostMoved: false },
        'kr-2': { weight: 1, removed: false, status: 'on-track', attainment: 1, confidence: 9, checkIns: 6, lastCheckInAt: '2026-03-25T09:00:00.000Z', score: 0.9, goalpostMoved: false },
        'kr-3': { weight: 1, removed: false, status: 'on-track', attainment: 1, confidence: 9, checkIns: 6, lastCheckInAt: '2026-03-25T09:00:00.000Z', score: 1, goalpostMoved: false },
      },
      grade: { ...ref(30, 'okr-objective-4:acme:obj-1'), score: 1, achieved: true, cycleEndsOn: '2026-03-31', gradedAt: '2026-04-02T09:00:00.000Z' },
      definedAt: '2025-12-20T09:00:00.000Z',
    },
  ],
  reports: [
    {
      tenantId: 'acme',
      reportId: 'rep-1',
      teamId: TEAM,
      severity: 'medium',
      area: 'budget',
      occurredAt: '2026-02-09T08:00:00.000Z',
      noticedAt: '2026-02-09T10:00:00.000Z',
      timeToDetectionMinutes: 120,
      reportedAt: '2026-02-10T09:00:00.000Z',
      reported: ref(1, 'failure-learning-report-4:acme:rep-1'),
      kind: 'basic',
      cause: 'inattention',
      repeats: [],
      actions: { 'a-1': { purpose: 'prevention', ownerTeamId: TEAM, dueOn: '2026-02-17', status: 'done' } },
      speakUpRecognitions: 1,
    },
  ],
};

export const TEAM_FIGURES_EXAMPLE = teamFigures(example, NOW, 5);
export const TEAM_ROW_EXAMPLE = teamRow(TEAM_FIGURES_EXAMPLE);
export const ROLL_UP_EXAMPLE = rollUp([example, { ...example, team: { ...example.team, teamId: 'zuid', name: 'Zuid' } }], NOW, 5);
export const SERIES_EXAMPLE = series('quarter', [example], '2026-01-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z', 5)[0]!;
export const SIGNAL_EXAMPLE = detectSignals({ teams: [example.team], rounds: example.rounds, objectives: example.objectives, reports: example.reports }, NOW, 5, undefined, ['control-taken-back'])[0]!;
