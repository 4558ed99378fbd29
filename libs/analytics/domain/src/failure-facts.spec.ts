import { FactError } from './fact-reader';
import { FAILURE_FACT_TYPES, readFailureFact } from './failure-facts';

const AT = '2026-03-02T09:00:00.000Z';
const event = (type: string, data: unknown, schemaVersion = 1) => ({ type, schemaVersion, data });

function refusal(e: ReturnType<typeof event>): { code: string; field: string; message: string } | undefined {
  try {
    readFailureFact(e);
  } catch (error) {
    if (error instanceof FactError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  return undefined;
}

/** `FailureReported` as failure-learning publishes it (docs/failure-learning-events.md): what was written and who reported stay out of analytics. */
const reported = {
  reportId: 'rep-1',
  teamId: 't1',
  expected: 'the medication list checked twice',
  happened: 'checked once',
  context: 'night shift',
  impact: { description: 'none', cost: null },
  severity: 'high',
  occurredAt: '2026-03-01T22:00:00.000Z',
  noticedAt: '2026-03-01T23:30:00.000Z',
  timeToDetectionMinutes: 90,
  area: 'medication',
  tags: ['checklist'],
  linkedLessonIds: [],
  reporter: { anonymous: false, reporterId: 'ada' },
  reportedBy: 'ada',
  reportedAt: AT,
};
const classified = { reportId: 'rep-1', teamId: 't1', kind: 'basic', cause: 'inattention', attributes: null, classifiedBy: 'coach', classifiedAt: AT };
const flagged = {
  reportId: 'rep-2',
  teamId: 't1',
  lessonId: 'lesson-1',
  lessonReportId: 'rep-1',
  lessonTeamId: 't2',
  lessonKind: 'basic',
  matchedBy: 'area-and-tags',
  preventionAction: { actionId: 'a1', description: 'add to the checklist', status: 'done', done: true },
  flaggedBy: 'failure-learning',
  flaggedAt: AT,
};
const planned = { reportId: 'rep-1', actionId: 'a1', purpose: 'prevention', preventionKind: 'checklist-item', description: 'add to the checklist', ownerTeamId: 't2', severity: 'high', dueOn: '2026-03-16', plannedBy: 'coach', plannedAt: AT };

describe('reading failure-learning’s published events', () => {
  it('a failure reported: when, where, how bad and how soon noticed, never who or what was written', () => {
    expect(readFailureFact(event('FailureReported', reported))).toEqual({
      type: 'FailureReported',
      reportId: 'rep-1',
      teamId: 't1',
      severity: 'high',
      area: 'medication',
      occurredAt: '2026-03-01T22:00:00.000Z',
      noticedAt: '2026-03-01T23:30:00.000Z',
      timeToDetectionMinutes: 90,
      reportedAt: AT,
    });
    expect(readFailureFact(event('FailureReported', { ...reported, timeToDetectionMinutes: 0 }))).toMatchObject({ timeToDetectionMinutes: 0 });
  });

  it('speaking up recognised, for the report’s team', () => {
    expect(readFailureFact(event('SpeakingUpRecognised', { reportId: 'rep-1', teamId: 't1', credited: { kind: 'team', teamId: 't1' }, recognisedAt: AT }))).toEqual({ type: 'SpeakingUpRecognised', reportId: 'rep-1', teamId: 't1' });
  });

  it('a failure classified and reclassified: its kind and cause', () => {
    expect(readFailureFact(event('FailureClassified', classified))).toEqual({ type: 'FailureClassified', reportId: 'rep-1', teamId: 't1', kind: 'basic', cause: 'inattention' });
    const reclassified = { reportId: 'rep-1', teamId: 't1', previousKind: 'basic', previousCause: 'inattention', kind: 'complex', cause: 'process-complexity', attributes: null, reason: 'more factors', reclassifiedBy: 'coach', reclassifiedAt: AT };
    expect(readFailureFact(event('FailureReclassified', reclassified))).toEqual({ type: 'FailureReclassified', reportId: 'rep-1', teamId: 't1', kind: 'complex', cause: 'process-complexity' });
  });

  it('a repeat flagged: the earlier lesson and its prevention as it stood, or none', () => {
    expect(readFailureFact(event('RepeatFailureFlagged', flagged))).toEqual({
      type: 'RepeatFailureFlagged',
      reportId: 'rep-2',
      teamId: 't1',
      lessonId: 'lesson-1',
      lessonReportId: 'rep-1',
      preventionActionId: 'a1',
      preventionDone: true,
      flaggedAt: AT,
    });
    expect(readFailureFact(event('RepeatFailureFlagged', { ...flagged, preventionAction: { ...flagged.preventionAction, status: 'open', done: false } }))).toMatchObject({ preventionActionId: 'a1', preventionDone: false });
    expect(readFailureFact(event('RepeatFailureFlagged', { ...flagged, preventionAction: null }))).toMatchObject({ preventionActionId: null, preventionDone: null });
  });

  it('a follow-up action planned, completed and declined', () => {
    expect(readFailureFact(event('FollowUpActionPlanned', planned))).toEqual({ type: 'FollowUpActionPlanned', reportId: 'rep-1', actionId: 'a1', purpose: 'prevention', ownerTeamId: 't2', dueOn: '2026-03-16' });
    expect(readFailureFact(event('FollowUpActionPlanned', { ...planned, purpose: 'follow-up', preventionKind: null }))).toMatchObject({ purpose: 'follow-up' });
    expect(readFailureFact(event('FollowUpActionCompleted', { reportId: 'rep-1', actionId: 'a1', note: null, completedBy: 'ada', completedAt: AT }))).toEqual({ type: 'FollowUpActionCompleted', reportId: 'rep-1', actionId: 'a1', status: 'done' });
    expect(readFailureFact(event('FollowUpActionDeclined', { reportId: 'rep-1', actionId: 'a1', reason: 'covered elsewhere', declinedBy: 'ada', declinedAt: AT }))).toEqual({
      type: 'FollowUpActionDeclined',
      reportId: 'rep-1',
      actionId: 'a1',
      status: 'not-doing',
    });
  });

  it('reads every type it lists', () => {
    expect([...FAILURE_FACT_TYPES].sort()).toEqual([
      'FailureClassified',
      'FailureReclassified',
      'FailureReported',
      'FollowUpActionCompleted',
      'FollowUpActionDeclined',
      'FollowUpActionPlanned',
      'RepeatFailureFlagged',
      'SpeakingUpRecognised',
    ]);
  });

  it('leaves every other type alone, whatever its version (a reflection’s notes, a confidential case never reach it)', () => {
    for (const type of ['ReflectionHeld', 'LessonPublished', 'ConfidentialCaseOpened', 'ReporterIdentityErased']) {
      expect(readFailureFact(event(type, { reportId: 'rep-1' }, 1))).toBeUndefined();
      expect(readFailureFact(event(type, { reportId: 'rep-1' }, 3))).toBeUndefined();
    }
  });

  it('refuses a read type of another version', () => {
    for (const type of FAILURE_FACT_TYPES) expect(refusal(event(type, reported, 2))).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
  });

  it('refuses an event without what it needs, naming the field', () => {
    const cases: Array<[string, object, string]> = [
      ['FailureReported', { ...reported, reportId: '' }, 'data.reportId'],
      ['FailureReported', { ...reported, teamId: undefined }, 'data.teamId'],
      ['FailureReported', { ...reported, severity: 'critical' }, 'data.severity'],
      ['FailureReported', { ...reported, area: null }, 'data.area'],
      ['FailureReported', { ...reported, occurredAt: '2026-03-01' }, 'data.occurredAt'],
      ['FailureReported', { ...reported, noticedAt: undefined }, 'data.noticedAt'],
      ['FailureReported', { ...reported, timeToDetectionMinutes: -5 }, 'data.timeToDetectionMinutes'],
      ['FailureReported', { ...reported, reportedAt: 'yesterday' }, 'data.reportedAt'],
      ['SpeakingUpRecognised', { reportId: 'rep-1' }, 'data.teamId'],
      ['FailureClassified', { ...classified, kind: 'careless' }, 'data.kind'],
      ['FailureClassified', { ...classified, teamId: undefined }, 'data.teamId'],
      ['FailureReclassified', { ...classified, cause: '' }, 'data.cause'],
      ['RepeatFailureFlagged', { ...flagged, teamId: undefined }, 'data.teamId'],
      ['RepeatFailureFlagged', { ...flagged, lessonId: undefined }, 'data.lessonId'],
      ['RepeatFailureFlagged', { ...flagged, lessonReportId: undefined }, 'data.lessonReportId'],
      ['RepeatFailureFlagged', { ...flagged, preventionAction: 'a1' }, 'data.preventionAction'],
      ['RepeatFailureFlagged', { ...flagged, preventionAction: { done: true } }, 'data.preventionAction.actionId'],
      ['RepeatFailureFlagged', { ...flagged, preventionAction: { actionId: 'a1', done: 'yes' } }, 'data.preventionAction.done'],
      ['RepeatFailureFlagged', { ...flagged, flaggedAt: undefined }, 'data.flaggedAt'],
      ['FollowUpActionPlanned', { ...planned, actionId: 'a.1' }, 'data.actionId'],
      ['FollowUpActionPlanned', { ...planned, purpose: 'training' }, 'data.purpose'],
      ['FollowUpActionPlanned', { ...planned, ownerTeamId: undefined }, 'data.ownerTeamId'],
      ['FollowUpActionPlanned', { ...planned, dueOn: '2026-03-16T00:00:00.000Z' }, 'data.dueOn'],
      ['FollowUpActionCompleted', { reportId: 'rep-1' }, 'data.actionId'],
      ['FollowUpActionDeclined', { reportId: 'rep-1', actionId: '$a1' }, 'data.actionId'],
    ];
    for (const [type, data, field] of cases) expect([type, field, refusal(event(type, data))?.field]).toEqual([type, field, field]);
  });
});
