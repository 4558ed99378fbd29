import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_CONTRIBUTING_FACTORS } from '../shared/failure.model';
import { reportDecider } from './report.decider';
import { andThen, COACH, as, classified, NOW, REPORT, reported, RULE, TEAM } from './report.fixtures';
import { nextStepOf } from './report.queries';

const spec = DeciderSpecification.for(reportDecider);
const now = NOW.toISOString();
const taxonomy = [...DEFAULT_CONTRIBUTING_FACTORS];

const basicResponse = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RecordBasicFailureResponse',
    data: {
      reportId: REPORT,
      prevention: { actionId: 'a-prevent', kind: 'checklist-item', description: 'Medication list is item 1 of the handover checklist', ownerTeamId: TEAM },
      lesson: { lessonId: 'l-1', summary: 'Hand over the medication list first' },
      dueRule: RULE,
      ...overrides,
    },
  }) as never;
const systemAnalysis = {
  contributingFactors: [
    { factor: 'load', description: 'Two colleagues ill' },
    { factor: 'tooling', description: 'The app showed yesterday’s list' },
  ],
  missedWeakSignals: ['The app was slow all week'],
  howToSpotSooner: 'Report slowness of the app at the daily start',
};
const analysis = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RecordSystemAnalysis',
    data: {
      reportId: REPORT,
      ...systemAnalysis,
      lesson: { lessonId: 'l-2', summary: 'Stale lists appear when the app is slow', tags: ['app', 'medication-list'] },
      taxonomy,
      ...overrides,
    },
  }) as never;
const learning = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'RecordIntelligentFailureLearning', data: { reportId: REPORT, learned: 'Ten minutes is too short at night', cost: { amount: 80, currency: 'EUR' }, lesson: { lessonId: 'l-3', summary: 'Night handovers need 20 minutes' }, ...overrides } }) as never;

describe('basic: prevention and a lesson', () => {
  it('plans the prevention action, due by the severity rule, and records the lesson with the report’s area and tags', () => {
    spec
      .given([reported(), classified('basic', 'inattention')])
      .when(basicResponse(), as(COACH))
      .then([
        {
          type: 'FollowUpActionPlanned',
          data: {
            reportId: REPORT,
            actionId: 'a-prevent',
            purpose: 'prevention',
            preventionKind: 'checklist-item',
            description: 'Medication list is item 1 of the handover checklist',
            ownerTeamId: TEAM,
            severity: 'high',
            dueOn: '2026-01-18',
            plannedBy: COACH,
            plannedAt: now,
          },
        },
        {
          type: 'LessonRecorded',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            lessonId: 'l-1',
            kind: 'basic',
            summary: 'Hand over the medication list first',
            area: 'medication',
            tags: ['handover', 'medication-list', 'night-shift'],
            preventionActionId: 'a-prevent',
            sharedWithLibrary: false,
            recordedBy: COACH,
            recordedAt: now,
          },
        },
      ]);
  });

  it('refuses a response that does not fit the kind, before classification, or twice', () => {
    spec.given([reported()]).when(basicResponse(), as(COACH)).thenRejects('RESPONSE.NOT_CLASSIFIED', { category: 'precondition' });
    spec.given([reported(), classified('complex', 'uncertainty')]).when(basicResponse(), as(COACH)).thenRejects('RESPONSE.KIND_MISMATCH', { category: 'precondition' });
    const responded = andThen([reported(), classified('basic', 'inattention')], basicResponse());
    spec.given(responded).when(basicResponse({ lesson: { lessonId: 'l-9', summary: 's' } }), as(COACH)).thenRejects('RESPONSE.ALREADY_RECORDED', { category: 'conflict' });
  });

  it.each([
    ['prevention.kind', 'PREVENTION.KIND_INVALID', { prevention: { actionId: 'a', kind: 'poster', description: 'd', ownerTeamId: TEAM } }],
    ['prevention.description', 'FOLLOW_UP.DESCRIPTION_INVALID', { prevention: { actionId: 'a', kind: 'training', description: '', ownerTeamId: TEAM } }],
    ['prevention.ownerTeamId', 'FOLLOW_UP.OWNER_INVALID', { prevention: { actionId: 'a', kind: 'training', description: 'd' } }],
    ['lesson.lessonId', 'LESSON.INVALID', { lesson: { summary: 's' } }],
    ['lesson.summary', 'LESSON.SUMMARY_INVALID', { lesson: { lessonId: 'l', summary: '' } }],
    ['lesson.tags', 'LESSON.TAGS_INVALID', { lesson: { lessonId: 'l', summary: 's', tags: [] } }],
    ['lesson.shareWithLibrary', 'LESSON.SHARE_INVALID', { lesson: { lessonId: 'l', summary: 's', shareWithLibrary: 'yes' } }],
  ])('rejects a bad %s with %s', (field, code, overrides) => {
    spec.given([reported(), classified('basic', 'inattention')]).when(basicResponse(overrides), as(COACH)).thenRejects(code, { field, category: 'invalid' });
  });

  it('needs a tag on the lesson: a report without tags must name them on the lesson', () => {
    spec.given([reported({ tags: [] }), classified('basic', 'inattention')]).when(basicResponse(), as(COACH)).thenRejects('LESSON.TAGS_INVALID', { field: 'lesson.tags' });
  });
});

describe('complex: a system analysis', () => {
  const given = [reported(), classified('complex', 'process-complexity')];

  it('records contributing factors from the taxonomy, missed weak signals and how to spot them sooner', () => {
    spec
      .given(given)
      .when(analysis(), as(COACH))
      .then([
        {
          type: 'SystemAnalysisRecorded',
          data: {
            reportId: REPORT,
            ...systemAnalysis,
            analysedBy: COACH,
            analysedAt: now,
          },
        },
        expect.objectContaining({ type: 'LessonRecorded', data: expect.objectContaining({ kind: 'complex', tags: ['app', 'medication-list'], preventionActionId: null, sharedWithLibrary: false }) }) as never,
      ]);
  });

  it('accepts a factor the tenant added to its taxonomy, and refuses one it did not', () => {
    const factors = [{ factor: 'weather', description: 'Snow delayed the night shift' }];
    spec.given(given).when(analysis({ contributingFactors: factors, taxonomy: [...taxonomy, 'weather'] }), as(COACH)).then([expect.objectContaining({ type: 'SystemAnalysisRecorded' }) as never, expect.anything() as never]);
    spec.given(given).when(analysis({ contributingFactors: factors }), as(COACH)).thenRejects('ANALYSIS.FACTOR_UNKNOWN', { field: 'contributingFactors.0.factor' });
  });

  it.each([
    ['contributingFactors', 'ANALYSIS.FACTORS_INVALID', { contributingFactors: [] }],
    ['contributingFactors.0.description', 'ANALYSIS.TEXT_INVALID', { contributingFactors: [{ factor: 'load', description: '' }] }],
    ['missedWeakSignals.0', 'ANALYSIS.SIGNALS_INVALID', { missedWeakSignals: [' '] }],
    ['howToSpotSooner', 'ANALYSIS.TEXT_INVALID', { howToSpotSooner: undefined }],
  ])('rejects a bad %s with %s', (field, code, overrides) => {
    spec.given(given).when(analysis(overrides), as(COACH)).thenRejects(code, { field, category: 'invalid' });
  });

  it('may share the lesson with the tenant’s library when the team chooses to', () => {
    spec
      .given(given)
      .when(analysis({ lesson: { lessonId: 'l-2', summary: 's', shareWithLibrary: true } }), as(COACH))
      .then([expect.anything() as never, expect.objectContaining({ data: expect.objectContaining({ sharedWithLibrary: true }) }) as never]);
  });
});

describe('intelligent: hypothesis, learning, cost, celebration, and the library', () => {
  const given = [reported(), classified('intelligent', 'hypothesis-testing', 'A ten-minute handover keeps the same quality')];

  it('records what the hypothesis taught at what cost, and always shares the lesson with the library', () => {
    spec
      .given(given)
      .when(learning({ lesson: { lessonId: 'l-3', summary: 'Night handovers need 20 minutes', shareWithLibrary: false } }), as(COACH))
      .then([
        {
          type: 'IntelligentFailureLearningRecorded',
          data: { reportId: REPORT, hypothesis: 'A ten-minute handover keeps the same quality', learned: 'Ten minutes is too short at night', cost: { amount: 80, currency: 'EUR' }, recordedBy: COACH, recordedAt: now },
        },
        expect.objectContaining({ type: 'LessonRecorded', data: expect.objectContaining({ kind: 'intelligent', sharedWithLibrary: true }) }) as never,
      ]);
    spec.given(given).when(learning({ cost: { amount: 80 } }), as(COACH)).thenRejects('LEARNING.COST_INVALID', { field: 'cost.currency' });
    spec.given(given).when(learning({ learned: '' }), as(COACH)).thenRejects('LEARNING.TEXT_INVALID', { field: 'learned' });
  });

  it('celebrates once, after the learning is recorded, on a day not in the future', () => {
    const learned = andThen(given, learning());
    const celebrate = (celebratedOn: string) => ({ type: 'CelebrateIntelligentFailure', data: { reportId: REPORT, how: 'Shared at the team breakfast', celebratedOn } }) as never;
    spec.given(given).when(celebrate('2026-01-15'), as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED', { category: 'precondition' });
    spec.given(learned).when(celebrate('2026-01-15'), as(COACH)).then([
      { type: 'IntelligentFailureCelebrated', data: { reportId: REPORT, teamId: TEAM, how: 'Shared at the team breakfast', celebratedOn: '2026-01-15', recordedBy: COACH, recordedAt: now } },
    ]);
    spec.given(learned).when(celebrate('2026-01-16'), as(COACH)).thenRejects('CELEBRATION.DATE_INVALID', { field: 'celebratedOn' });
    const celebrated = [...learned, { type: 'IntelligentFailureCelebrated', data: { reportId: REPORT, teamId: TEAM, how: 'h', celebratedOn: '2026-01-15', recordedBy: COACH, recordedAt: now } } as const];
    spec.given(celebrated).when(celebrate('2026-01-15'), as(COACH)).thenRejects('CELEBRATION.ALREADY_RECORDED', { category: 'conflict' });
    expect([nextStepOf(fold(reportDecider, given)), nextStepOf(fold(reportDecider, learned)), nextStepOf(fold(reportDecider, celebrated))]).toEqual(['respond', 'celebrate', 'done']);
  });

  it('refuses a basic or complex failure’s celebration', () => {
    spec.given([reported(), classified('basic', 'inattention')]).when({ type: 'CelebrateIntelligentFailure', data: { reportId: REPORT, how: 'h', celebratedOn: '2026-01-15' } } as never, as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED');
  });
});
