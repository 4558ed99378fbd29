import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_CONTRIBUTING_FACTORS } from '../shared/failure.model';
import { reportDecider } from './report.decider';
import type { ReportEvent } from './report.events';
import { andThen, COACH, as, classified, NOW, REPORT, reported, RULE, TEAM, wellFormed } from './report.fixtures';
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
    spec.given([]).when(basicResponse(), as(COACH)).thenRejects('REPORT.NOT_FOUND', { category: 'not-found', field: 'reportId' });
    spec.given([reported()]).when(basicResponse(), as(COACH)).thenRejects('RESPONSE.NOT_CLASSIFIED', { category: 'precondition', field: 'reportId' });
    spec.given([reported(), classified('complex', 'uncertainty')]).when(basicResponse(), as(COACH)).thenRejects('RESPONSE.KIND_MISMATCH', { category: 'precondition', field: 'reportId', details: { kind: 'complex' } });
    const responded = andThen([reported(), classified('basic', 'inattention')], basicResponse());
    spec.given(responded).when(basicResponse({ lesson: { lessonId: 'l-9', summary: 's' } }), as(COACH)).thenRejects('RESPONSE.ALREADY_RECORDED', { category: 'conflict', field: 'reportId' });
  });

  it('refuses a lesson id the report already holds from the response to its earlier kind', () => {
    const responded = andThen([reported(), classified('basic', 'inattention')], basicResponse());
    const reclassified: ReportEvent[] = [
      ...responded,
      {
        type: 'FailureReclassified',
        data: { reportId: REPORT, teamId: TEAM, previousKind: 'basic', previousCause: 'inattention', kind: 'complex', cause: 'uncertainty', attributes: null, reason: 'r', reclassifiedBy: COACH, reclassifiedAt: now },
      },
    ];
    const lessonAgain = { lessonId: 'l-1', summary: 'Stale lists appear when the app is slow' };
    spec.given(reclassified).when(analysis({ lesson: lessonAgain }), as(COACH)).thenRejects('LESSON.ALREADY_EXISTS', { category: 'conflict', field: 'lesson.lessonId' });
    spec.given(reclassified).when(analysis({ lesson: { ...lessonAgain, lessonId: 'l-2' } }), as(COACH)).then([expect.objectContaining({ type: 'SystemAnalysisRecorded' }) as never, expect.objectContaining({ type: 'LessonRecorded' }) as never]);
  });

  it.each([
    ['prevention.kind', 'PREVENTION.KIND_INVALID', { prevention: { actionId: 'a', kind: 'poster', description: 'd', ownerTeamId: TEAM } }],
    ['prevention.description', 'FOLLOW_UP.DESCRIPTION_INVALID', { prevention: { actionId: 'a', kind: 'training', description: '', ownerTeamId: TEAM } }],
    ['prevention.ownerTeamId', 'FOLLOW_UP.OWNER_INVALID', { prevention: { actionId: 'a', kind: 'training', description: 'd' } }],
    ['lesson.lessonId', 'LESSON.INVALID', { lesson: { summary: 's' } }],
    ['lesson.summary', 'LESSON.SUMMARY_INVALID', { lesson: { lessonId: 'l', summary: '' } }],
    ['lesson.tags', 'LESSON.TAGS_INVALID', { lesson: { lessonId: 'l', summary: 's', tags: [] } }],
    ['lesson.shareWithLibrary', 'LESSON.SHARE_INVALID', { lesson: { lessonId: 'l', summary: 's', shareWithLibrary: 'yes' } }],
  ])('rejects a bad %s with %s, in a sentence naming it', (field, code, overrides) => {
    wellFormed(spec.given([reported(), classified('basic', 'inattention')]).when(basicResponse(overrides), as(COACH)).thenRejects(code, { field, category: 'invalid' }));
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

  it('accepts a factor the tenant added to its taxonomy, and refuses one it did not, listing the taxonomy', () => {
    const factors = [{ factor: 'weather', description: 'Snow delayed the night shift' }];
    spec.given(given).when(analysis({ contributingFactors: factors, taxonomy: [...taxonomy, 'weather'] }), as(COACH)).then([expect.objectContaining({ type: 'SystemAnalysisRecorded' }) as never, expect.anything() as never]);
    const rejection = spec.given(given).when(analysis({ contributingFactors: factors }), as(COACH)).thenRejects('ANALYSIS.FACTOR_UNKNOWN', { category: 'invalid', field: 'contributingFactors.0.factor' });
    expect(rejection.message).toContain('(tooling, process, communication, load, dependency, knowledge)');
  });

  it('refuses a factor that is no slug, or no factor at all, naming the contributing factor', () => {
    for (const item of [{ factor: 'Load!', description: 'd' }, { description: 'd' }, null]) {
      const rejection = wellFormed(spec.given(given).when(analysis({ contributingFactors: [{ factor: 'load', description: 'd' }, item] }), as(COACH)).thenRejects('ANALYSIS.FACTOR_UNKNOWN', { category: 'invalid', field: 'contributingFactors.1.factor' }));
      expect(rejection.message).toContain('contributing factor');
    }
  });

  it('takes 1 to 10 contributing factors', () => {
    const factors = (n: number) => Array.from({ length: n }, (_, i) => ({ factor: `f${i}`, description: `Factor ${i}` }));
    const wide = [...taxonomy, ...factors(11).map((f) => f.factor)];
    spec.given(given).when(analysis({ contributingFactors: factors(10), taxonomy: wide }), as(COACH)).then([expect.objectContaining({ type: 'SystemAnalysisRecorded', data: expect.objectContaining({ contributingFactors: factors(10) }) }) as never, expect.anything() as never]);
    spec.given(given).when(analysis({ contributingFactors: factors(11), taxonomy: wide }), as(COACH)).thenRejects('ANALYSIS.FACTORS_INVALID', { category: 'invalid', field: 'contributingFactors' });
  });

  it('takes up to 20 missed weak signals, none when left out, and refuses more or no list', () => {
    const signals = (n: number) => Array.from({ length: n }, (_, i) => `Signal ${i}`);
    spec.given(given).when(analysis({ missedWeakSignals: signals(20) }), as(COACH)).then([expect.objectContaining({ data: expect.objectContaining({ missedWeakSignals: signals(20) }) }) as never, expect.anything() as never]);
    spec.given(given).when(analysis({ missedWeakSignals: undefined }), as(COACH)).then([expect.objectContaining({ data: expect.objectContaining({ missedWeakSignals: [] }) }) as never, expect.anything() as never]);
    for (const missedWeakSignals of [signals(21), 'The app was slow', { 0: 'The app was slow' }]) {
      spec.given(given).when(analysis({ missedWeakSignals }), as(COACH)).thenRejects('ANALYSIS.SIGNALS_INVALID', { category: 'invalid', field: 'missedWeakSignals' });
    }
  });

  it.each([
    ['contributingFactors', 'ANALYSIS.FACTORS_INVALID', { contributingFactors: [] }],
    ['contributingFactors.0.description', 'ANALYSIS.TEXT_INVALID', { contributingFactors: [{ factor: 'load', description: '' }] }],
    ['missedWeakSignals.0', 'ANALYSIS.SIGNALS_INVALID', { missedWeakSignals: [' '] }],
    ['howToSpotSooner', 'ANALYSIS.TEXT_INVALID', { howToSpotSooner: undefined }],
    ['lesson.lessonId', 'LESSON.INVALID', { lesson: { summary: 'Stale lists appear when the app is slow', tags: ['app'] } }],
  ])('rejects a bad %s with %s, in a sentence naming it', (field, code, overrides) => {
    wellFormed(spec.given(given).when(analysis(overrides), as(COACH)).thenRejects(code, { field, category: 'invalid' }));
  });

  it('is refused before the report is classified', () => {
    spec.given([reported()]).when(analysis(), as(COACH)).thenRejects('RESPONSE.NOT_CLASSIFIED', { category: 'precondition' });
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
    wellFormed(spec.given(given).when(learning({ learned: '' }), as(COACH)).thenRejects('LEARNING.TEXT_INVALID', { field: 'learned' }));
    spec.given(given).when(learning({ lesson: { summary: 'Night handovers need 20 minutes' } }), as(COACH)).thenRejects('LESSON.INVALID', { field: 'lesson.lessonId' });
  });

  it('is recorded only for a report classified as intelligent', () => {
    spec.given([reported(), classified('basic', 'inattention')]).when(learning(), as(COACH)).thenRejects('RESPONSE.KIND_MISMATCH', { category: 'precondition', details: { kind: 'basic' } });
  });

  it('celebrates once, after the learning is recorded, on a day not in the future', () => {
    const learned = andThen(given, learning());
    const celebrate = (celebratedOn: string) => ({ type: 'CelebrateIntelligentFailure', data: { reportId: REPORT, how: 'Shared at the team breakfast', celebratedOn } }) as never;
    spec.given(given).when(celebrate('2026-01-15'), as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED', { category: 'precondition' });
    spec.given(learned).when(celebrate('2026-01-15'), as(COACH)).then([
      { type: 'IntelligentFailureCelebrated', data: { reportId: REPORT, teamId: TEAM, how: 'Shared at the team breakfast', celebratedOn: '2026-01-15', recordedBy: COACH, recordedAt: now } },
    ]);
    spec.given(learned).when(celebrate('2026-01-16'), as(COACH)).thenRejects('CELEBRATION.DATE_INVALID', { category: 'invalid', field: 'celebratedOn' });
    const celebrated = [...learned, { type: 'IntelligentFailureCelebrated', data: { reportId: REPORT, teamId: TEAM, how: 'h', celebratedOn: '2026-01-15', recordedBy: COACH, recordedAt: now } } as const];
    spec.given(celebrated).when(celebrate('2026-01-15'), as(COACH)).thenRejects('CELEBRATION.ALREADY_RECORDED', { category: 'conflict', field: 'reportId' });
    expect([nextStepOf(fold(reportDecider, given)), nextStepOf(fold(reportDecider, learned)), nextStepOf(fold(reportDecider, celebrated))]).toEqual(['respond', 'celebrate', 'done']);
  });

  it('refuses a basic or complex failure’s celebration', () => {
    spec.given([reported(), classified('basic', 'inattention')]).when({ type: 'CelebrateIntelligentFailure', data: { reportId: REPORT, how: 'h', celebratedOn: '2026-01-15' } } as never, as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED');
  });

  it('celebrates only an existing report that is intelligent now, not one reclassified after its learning or not yet classified', () => {
    const celebrate = (how: unknown = 'Shared at the team breakfast') => ({ type: 'CelebrateIntelligentFailure', data: { reportId: REPORT, how, celebratedOn: '2026-01-15' } }) as never;
    const learned = andThen(given, learning());
    const reclassified: ReportEvent = {
      type: 'FailureReclassified',
      data: { reportId: REPORT, teamId: TEAM, previousKind: 'intelligent', previousCause: 'hypothesis-testing', kind: 'basic', cause: 'lack-of-ability', attributes: null, reason: 'r', reclassifiedBy: COACH, reclassifiedAt: now },
    };
    spec.given([]).when(celebrate(), as(COACH)).thenRejects('REPORT.NOT_FOUND', { category: 'not-found' });
    spec.given([reported()]).when(celebrate(), as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED', { category: 'precondition', field: 'reportId' });
    spec.given([...learned, reclassified]).when(celebrate(), as(COACH)).thenRejects('CELEBRATION.NOT_LEARNED', { field: 'reportId' });
    wellFormed(spec.given(learned).when(celebrate(' '), as(COACH)).thenRejects('CELEBRATION.TEXT_INVALID', { category: 'invalid', field: 'how' }));
    spec.given(learned).when(celebrate('x'.repeat(2001)), as(COACH)).thenRejects('CELEBRATION.TEXT_INVALID', { field: 'how' });
  });
});
