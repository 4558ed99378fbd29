import type { StoredEvent } from '@leerzone/kernel';
import { SourceEvents } from './source-events.fixture';

export const A = '01900000-0000-7000-8000-0000000000a1';
export const B = '01900000-0000-7000-8000-0000000000b2';
export const C = '01900000-0000-7000-8000-0000000000c3';
export const D = '01900000-0000-7000-8000-0000000000d4';
export const ORG = '01900000-0000-7000-8000-0000000000f1';
export const FAILURE_AT = '2026-02-10T09:00:00.000Z';
export const LOWERED_AT = '2026-03-12T09:00:00.000Z'; // exactly 30 days after the failure: the default window's edge


/** Four services' events about one organisation: units, teams, a failure followed by control taken back, surveys (one below the tenant's threshold), OKRs set safe. */
export function organisationHistory() {
  const gov = new SourceEvents('governance');
  const okr = new SourceEvents('okr');
  const assessment = new SourceEvents('assessment');
  const failure = new SourceEvents('failure-learning');
  const org = `organisation-${ORG}`;
  const team = (id: string) => `team-${id}`;
  const at = (day: string) => `${day}T09:00:00.000Z`;
  const governance: StoredEvent[] = [
    gov.event(org, 'OrganisationCreated', { organisationId: ORG, name: 'Zorg BV', createdBy: 'lead', createdAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-care', name: 'Care', parentUnitId: null, addedBy: 'lead', addedAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-north', name: 'Care North', parentUnitId: 'u-care', addedBy: 'lead', addedAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-south', name: 'Care South', parentUnitId: 'u-care', addedBy: 'lead', addedAt: at('2025-11-01') }),
    ...[
      [A, 'Noord', 'u-north'],
      [B, 'Oost', 'u-north'],
      [C, 'West', 'u-north'],
      [D, 'Zuid', 'u-south'],
    ].flatMap(([id, name, unitId]) => [
      gov.event(team(id!), 'TeamCreated', { teamId: id, name, unitId, purpose: null, createdBy: 'lead', createdAt: at('2025-12-01') }),
      ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m) => gov.event(team(id!), 'MemberAdded', { teamId: id, memberId: `${m}-${name}`, roles: ['member'], addedBy: 'lead', addedAt: at('2025-12-01') })),
    ]),
    gov.event(team(A), 'TeamPhaseChanged', { teamId: A, previousPhase: 'preparing', phase: 'pilot', changedBy: 'lead', changedAt: at('2026-01-05'), reason: null }),
    ...['m1', 'm2', 'm3', 'm4', 'm5'].map((m) => gov.event(team(A), 'YesGiven', { teamId: A, memberId: `${m}-Noord`, givenBy: `${m}-Noord`, givenAt: at('2026-01-06') })),
    gov.event(team(A), 'YesWithdrawn', { teamId: A, memberId: 'm5-Noord', withdrawnBy: 'm5-Noord', withdrawnAt: at('2026-01-07'), reason: null }),
    gov.event(team(A), 'MemberRemoved', { teamId: A, memberId: 'm4-Noord', removedBy: 'lead', removedAt: at('2026-01-08'), reason: null }),
    // Version 1, as governance wrote it before levels had a review date: analytics reads it as version 2.
    gov.event(team(A), 'DelegationLevelChanged', { teamId: A, area: 'budget-spend', previousLevel: null, level: 5, changedBy: 'coach', changedAt: at('2026-01-10'), reason: 'start' }, at('2026-01-10')),
    gov.event(team(A), 'TeamBoundarySet', {
      teamId: A,
      boundary: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 5000, currency: 'EUR' }, period: 'month', decisionArea: null },
      previous: null,
      setBy: 'coach',
      setAt: at('2026-01-10'),
      reason: 'start',
      proposalId: null,
    }),
    // The failure (in failure-learning) is on 2026-02-10; exactly 30 days later the coach takes control back.
    gov.event(team(A), 'DelegationLevelChanged', { teamId: A, area: 'budget-spend', previousLevel: 5, level: 3, reviewBy: null, changedBy: 'coach', changedAt: LOWERED_AT, reason: 'after the incident' }, LOWERED_AT, { schemaVersion: 2 }),
    gov.event(team(A), 'TeamBoundarySet', {
      teamId: A,
      boundary: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month', decisionArea: null },
      previous: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 5000, currency: 'EUR' }, period: 'month', decisionArea: null },
      setBy: 'coach',
      setAt: '2026-03-20T09:00:00.000Z',
      reason: 'after the incident',
      proposalId: null,
    }),
    gov.event(team(A), 'DecisionRecorded', { teamId: A, decisionId: 'd0', area: 'tooling', decidedBy: 'm1-Noord', decidedAt: at('2026-03-01') }),
    ...['2026-03-21', '2026-04-01', '2026-04-15'].map((day, i) => gov.event(team(A), 'DecisionEscalated', { teamId: A, decisionId: `d${i + 1}`, area: 'budget-spend', violations: [], escalatedBy: 'm1-Noord', escalatedAt: at(day) })),
    // The layer above answers two of the three: d1 declined (refused), d2 approved; d3 still waits.
    gov.event(team(A), 'EscalatedDecisionDeclined', { teamId: A, decisionId: 'd1', area: 'budget-spend', answeredAs: 'transformation-lead', declinedBy: 'lead', declinedAt: at('2026-03-23'), reason: 'not this quarter' }),
    gov.event(team(A), 'EscalatedDecisionApproved', {
      teamId: A,
      decisionId: 'd2',
      area: 'budget-spend',
      amount: { amount: 2500, currency: 'EUR' },
      mandate: { level: 4, boundaries: [] },
      violations: [],
      answeredAs: 'transformation-lead',
      approvedBy: 'lead',
      approvedAt: at('2026-04-03'),
      reason: 'one-off, the supplier is leaving',
    }),
    gov.event(team(D), 'TeamPhaseChanged', { teamId: D, previousPhase: 'preparing', phase: 'pilot', changedBy: 'lead', changedAt: at('2026-02-01'), reason: null }),
  ];
  const okrEvents: StoredEvent[] = [
    okr.event('okr-cycle-c1', 'CyclePlanned', { cycleId: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31', plannedBy: 'lead', plannedAt: at('2025-12-15') }),
    okr.event('okr-objective-o1', 'ObjectiveDefined', { objectiveId: 'o1', cycleId: 'c1', level: 'team', owner: { kind: 'team', id: A }, title: 'Clients', description: null, commitment: 'aspirational', carriedForwardFrom: null, definedBy: 'm1', definedAt: at('2025-12-20') }),
    ...['kr1', 'kr2', 'kr3'].map((kr) => okr.event('okr-objective-o1', 'KeyResultAdded', { objectiveId: 'o1', keyResultId: kr, definition: { title: kr, measure: { kind: 'milestone' }, weight: 1 }, whileRunning: false, addedBy: 'm1', addedAt: at('2025-12-20'), reason: null })),
    okr.event('okr-objective-o1', 'ObjectiveCommittedToCycle', { objectiveId: 'o1', cycleId: 'c1', keyResultIds: ['kr1', 'kr2', 'kr3'], committedBy: 'm1', committedAt: at('2025-12-21') }),
    okr.event('okr-objective-o1', 'KeyResultCheckedIn', { objectiveId: 'o1', keyResultId: 'kr1', checkInId: 'ci1', value: true, confidence: 9, comment: null, status: 'on-track', elapsed: 0.5, expectedValue: null, attainment: 1, thresholds: {}, blockers: [], stillBlockedBy: [], checkedInAs: 'member', checkedInBy: 'm1', checkedInAt: at('2026-02-15') }),
    ...['kr1', 'kr2', 'kr3'].map((kr, i) =>
      okr.event('okr-objective-o1', 'KeyResultGraded', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-03-31', owner: { kind: 'team', id: A }, commitment: 'aspirational', keyResultId: kr, finalValue: true, computedScore: 1, score: i === 0 ? 0.9 : 1, override: null, goalpostMoved: false, scoreAgainstOriginal: 1, weight: 1, gradedBy: 'm1', gradedAt: at('2026-04-02') }),
    ),
    okr.event('okr-objective-o1', 'ObjectiveGraded', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-03-31', owner: { kind: 'team', id: A }, commitment: 'aspirational', score: 1, band: 'high', achieved: true, movedKeyResultIds: [], gradedBy: 'm1', gradedAt: at('2026-04-02') }),
  ];
  const roundEvents = (roundId: string, teamId: string, n: number, threshold: number, safety: number, zone: string, from: string | null, closedAt: string) => {
    const stream = `assessment-round-${roundId}`;
    const result = (instrumentId: string, mean: number, dimensions: string[]) => ({
      instrumentId,
      version: 1,
      n,
      dimensions: dimensions.map((dimensionId) => ({ dimensionId, itemCount: 3, n, mean, sd: 0.5, rwg: 0.8, lowAgreement: false })),
      total: { n, mean, sd: 0.5, rwg: 0.8, lowAgreement: false },
      items: [],
    });
    return [
      assessment.event(stream, 'RoundOpened', { roundId, teamId, instruments: [{ instrumentId: 'psychological-safety' }, { instrumentId: 'abi-trustworthiness' }], respondentIds: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'], anonymityThreshold: threshold, closesAt: null, previousRoundId: null, slotKey: {}, openedBy: 'coach', openedAt: at('2026-02-20') }),
      assessment.event(stream, 'RoundClosed', {
        roundId,
        teamId,
        outcome: 'results',
        results: [result('psychological-safety', safety, ['safety']), result('abi-trustworthiness', 4, ['ability', 'benevolence', 'integrity'])],
        zone: { zone, safety, standards: 5.5, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, lowAgreement: false },
        comments: [],
        commentsDatedAt: null,
        closedBy: 'coach',
        closedAt,
      }),
      assessment.event(stream, 'TeamZoneChanged', { teamId, roundId, from, to: zone, safety, standards: 5.5, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedAt: closedAt }),
    ];
  };
  const assessmentEvents: StoredEvent[] = [
    assessment.event('assessment-settings-acme', 'AssessmentSettingsChanged', { tenantId: 'acme', anonymityThreshold: 5, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedBy: 'admin', changedAt: at('2026-01-01'), reason: 'policy' }),
    ...roundEvents('ra', A, 6, 5, 4.2, 'anxiety', null, at('2026-03-15')),
    ...roundEvents('rb', B, 6, 5, 6, 'learning', null, at('2026-03-15')),
    // Opened when the tenant still allowed 3: three answers, a result assessment published, but under the tenant's 5 now.
    ...roundEvents('rc', C, 3, 3, 1, 'apathy', null, at('2026-03-15')),
  ];
  const report = `failure-learning-report-rep1`;
  const failureEvents: StoredEvent[] = [
    failure.event('failure-learning-report-rep0', 'FailureReported', { reportId: 'rep0', teamId: A, severity: 'low', area: 'budget', occurredAt: at('2026-01-20'), noticedAt: at('2026-01-20'), timeToDetectionMinutes: 30, reporter: { anonymous: false, reporterId: 'm2-Noord' }, reportedAt: at('2026-01-20') }),
    failure.event(report, 'FailureReported', {
      reportId: 'rep1',
      teamId: A,
      expected: 'x',
      happened: 'y',
      severity: 'high',
      area: 'budget',
      occurredAt: '2026-02-10T07:00:00.000Z',
      noticedAt: '2026-02-10T08:00:00.000Z',
      timeToDetectionMinutes: 60,
      reporter: { anonymous: true, identity: { $sealed: { subject: 'failure-learning-reporter-rep1' } } },
      reportedBy: 'failure-learning-anonymous-reporter',
      reportedAt: FAILURE_AT,
    }),
    failure.event(report, 'SpeakingUpRecognised', { reportId: 'rep1', teamId: A, credited: { kind: 'team', teamId: A }, recognisedAt: FAILURE_AT }),
    failure.event(report, 'FailureClassified', { reportId: 'rep1', teamId: A, kind: 'basic', cause: 'inattention', attributes: null, classifiedBy: 'coach', classifiedAt: at('2026-02-11') }),
    failure.event(report, 'RepeatFailureFlagged', { reportId: 'rep1', teamId: A, lessonId: 'l0', lessonReportId: 'rep0', lessonTeamId: A, lessonKind: 'basic', matchedBy: 'explicit-link', preventionAction: { actionId: 'a0', description: 'z', status: 'open', done: false }, flaggedBy: 'coach', flaggedAt: at('2026-02-11') }),
    failure.event(report, 'FollowUpActionPlanned', { reportId: 'rep1', actionId: 'a1', purpose: 'prevention', preventionKind: 'checklist-item', description: 'z', ownerTeamId: A, severity: 'high', dueOn: '2026-02-14', plannedBy: 'coach', plannedAt: at('2026-02-11') }),
  ];
  return { governance, okr: okrEvents, assessment: assessmentEvents, 'failure-learning': failureEvents };
}

