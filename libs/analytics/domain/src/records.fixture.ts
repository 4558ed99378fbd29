/**
 * Builders of read-model documents for the domain's specs (not exported from the package).
 */
import type { Zone } from './assessment-facts';
import type { ObjectiveRecord, ReportRecord, RoundRecord, TeamRecord } from './records';

let counter = 0;
export const ref = (streamId: string) => {
  counter++;
  return { eventId: `evt-${String(counter).padStart(4, '0')}`, streamId, streamPosition: counter };
};

export const team = (overrides: Partial<TeamRecord> = {}): TeamRecord => ({
  tenantId: 'acme',
  teamId: 't1',
  name: 'Noord',
  unitId: 'u1',
  phase: 'pilot',
  phaseSince: '2026-01-01T00:00:00.000Z',
  phaseHistory: [{ phase: 'pilot', since: '2026-01-01T00:00:00.000Z', ...ref('team-t1') }],
  memberCount: 6,
  yesMemberIds: [],
  delegation: {},
  delegationChanges: [],
  boundaryCount: 0,
  boundaryChanges: [],
  decisionsRecorded: 0,
  decisionsEscalated: 0,
  decisionsApproved: 0,
  decisionsRefused: 0,
  decisionsByArea: {},
  escalations: [],
  createdAt: '2025-12-01T00:00:00.000Z',
  lastActivityAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

export const report = (reportedAt: string, overrides: Partial<ReportRecord> = {}): ReportRecord => ({
  tenantId: 'acme',
  reportId: `rep-${Date.parse(reportedAt)}`,
  teamId: 't1',
  severity: 'medium',
  area: 'care',
  occurredAt: reportedAt,
  noticedAt: reportedAt,
  timeToDetectionMinutes: 60,
  reportedAt,
  reported: ref(`failure-learning-report-${overrides.reportId ?? Date.parse(reportedAt)}`),
  kind: 'basic',
  cause: 'inattention',
  repeats: [],
  actions: {},
  speakUpRecognitions: 0,
  ...overrides,
});

type Scores = { safety: number; abi?: number; n?: number; threshold?: number };

export const round = (roundId: string, closedAt: string, zone: Zone, scores: Scores, zoneFrom?: Zone | null): RoundRecord => {
  const n = scores.n ?? 6;
  return {
    tenantId: 'acme',
    roundId,
    teamId: 't1',
    instrumentIds: ['psychological-safety', 'abi-trustworthiness', 'leerzone-standards'],
    groupSize: 8,
    threshold: scores.threshold ?? 5,
    openedAt: closedAt,
    state: 'closed',
    closedAt,
    outcome: 'results',
    closed: ref(`assessment-round-${roundId}`),
    results: [
      { instrumentId: 'psychological-safety', n, total: scores.safety, dimensions: { safety: scores.safety } },
      { instrumentId: 'abi-trustworthiness', n, total: scores.abi ?? 4, dimensions: { ability: 4, benevolence: 4, integrity: 4 } },
      { instrumentId: 'leerzone-standards', n, total: 5.5, dimensions: { standards: 5.5 } },
    ],
    zone: { zone, safety: scores.safety, standards: 5.5 },
    zoneChange: zoneFrom === undefined ? null : { ...ref(`assessment-round-${roundId}`), from: zoneFrom, to: zone, at: closedAt },
  };
};

export const objective = (objectiveId: string, cycleId: string, scores: number[], gradedAt: string, commitment: 'aspirational' | 'committed' = 'aspirational'): ObjectiveRecord => ({
  tenantId: 'acme',
  objectiveId,
  cycleId,
  owner: { kind: 'team', id: 't1' },
  teamId: 't1',
  commitment,
  committed: true,
  keyResults: Object.fromEntries(scores.map((score, i) => [`kr-${i}`, { weight: 1, removed: false, status: 'on-track', attainment: score, confidence: 8, checkIns: 3, lastCheckInAt: gradedAt, score, goalpostMoved: false }])),
  grade: { ...ref(`okr-objective-${objectiveId}`), score: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10, achieved: true, cycleEndsOn: gradedAt.slice(0, 10), gradedAt },
  definedAt: '2026-01-01T00:00:00.000Z',
});
