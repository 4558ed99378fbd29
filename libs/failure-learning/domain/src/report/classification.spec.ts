import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { reportDecider } from './report.decider';
import { COACH, as, classified, lesson, NOW, OTHER_TEAM, REPORT, reported, TEAM, wellFormed } from './report.fixtures';

const spec = DeciderSpecification.for(reportDecider);
const now = NOW.toISOString();
const allFour = { newTerritory: true, credibleOpportunity: true, hypothesis: 'A ten-minute handover keeps the same quality', asSmallAsPossible: true };

const classify = (kind: string, cause: string, attributes?: Record<string, unknown>, knownLessons = [lesson('l-unrelated', { area: 'planning', tags: ['rota'] })]) =>
  ({ type: 'ClassifyFailure', data: { reportId: REPORT, kind, cause, attributes, knownLessons } }) as never;
const reclassify = (kind: string, cause: string, attributes?: Record<string, unknown>, knownLessons = []) =>
  ({ type: 'ReclassifyFailure', data: { reportId: REPORT, kind, cause, attributes, knownLessons } }) as never;

describe('ClassifyFailure: the intelligent-failure attribute check', () => {
  it('classifies an intelligent failure that has all four attributes, keeping the hypothesis', () => {
    spec
      .given([reported()])
      .when(classify('intelligent', 'hypothesis-testing', allFour), as(COACH))
      .then([
        {
          type: 'FailureClassified',
          data: { reportId: REPORT, teamId: TEAM, kind: 'intelligent', cause: 'hypothesis-testing', attributes: allFour, classifiedBy: COACH, classifiedAt: now },
        },
      ]);
  });

  it.each([
    ['newTerritory', 'basic', { ...allFour, newTerritory: false }],
    ['credibleOpportunity', 'complex', { ...allFour, credibleOpportunity: undefined }],
    ['hypothesis', 'complex', { ...allFour, hypothesis: '  ' }],
    ['asSmallAsPossible', 'complex', { ...allFour, asSmallAsPossible: false }],
  ])('tells a report lacking %s which attribute is missing, and offers %s', (missing, offeredKind, attributes) => {
    const rejection = spec
      .given([reported()])
      .when(classify('intelligent', 'exploratory-testing', attributes), as(COACH))
      .thenRejects('CLASSIFICATION.NOT_INTELLIGENT', { category: 'precondition', field: `attributes.${missing}`, details: expect.objectContaining({ missing: [missing], offeredKind }) as never });
    expect(rejection.message).toContain(`Classify it as ${offeredKind}, with one of: ${offeredKind === 'basic' ? 'deviance, inattention, lack-of-ability, process-inadequacy' : 'task-challenge, process-complexity, uncertainty'}.`);
  });

  it('names every missing attribute, and offers basic when the territory was known', () => {
    const rejection = spec.given([reported()]).when(classify('intelligent', 'hypothesis-testing', undefined), as(COACH)).thenRejects('CLASSIFICATION.NOT_INTELLIGENT');
    expect(rejection.details).toMatchObject({ missing: ['newTerritory', 'credibleOpportunity', 'hypothesis', 'asSmallAsPossible'], offeredKind: 'basic', causesThatFit: ['deviance', 'inattention', 'lack-of-ability', 'process-inadequacy'] });
    expect(rejection.message).toContain('new territory (no known answer existed); a credible opportunity worth the risk; informed by prior knowledge: a hypothesis; as small as possible');
  });

  it('classifies basic and complex failures without attributes, ignoring any sent', () => {
    spec
      .given([reported()])
      .when(classify('basic', 'inattention', allFour), as(COACH))
      .then([{ type: 'FailureClassified', data: { reportId: REPORT, teamId: TEAM, kind: 'basic', cause: 'inattention', attributes: null, classifiedBy: COACH, classifiedAt: now } }]);
    spec
      .given([reported()])
      .when(classify('complex', 'process-complexity'), as(COACH))
      .then([{ type: 'FailureClassified', data: { reportId: REPORT, teamId: TEAM, kind: 'complex', cause: 'process-complexity', attributes: null, classifiedBy: COACH, classifiedAt: now } }]);
  });

  it.each([
    ['basic', 'hypothesis-testing', 'intelligent'],
    ['complex', 'inattention', 'basic'],
    ['intelligent', 'uncertainty', 'complex'],
  ])('refuses the kind %s with the cause %s, which belongs to %s failures', (kind, cause, kindOfCause) => {
    spec.given([reported()]).when(classify(kind, cause, allFour), as(COACH)).thenRejects('CLASSIFICATION.CAUSE_DOES_NOT_FIT', { category: 'invalid', field: 'cause', details: expect.objectContaining({ kindOfCause }) as never });
  });

  it('lists the causes that fit the kind in its refusal', () => {
    const rejection = spec.given([reported()]).when(classify('complex', 'inattention'), as(COACH)).thenRejects('CLASSIFICATION.CAUSE_DOES_NOT_FIT');
    expect(rejection.message).toContain('a complex failure has one of: task-challenge, process-complexity, uncertainty.');
  });

  it('rejects unknown kinds and causes, an unknown report, and classifying twice', () => {
    wellFormed(spec.given([reported()]).when(classify('catastrophic', 'inattention'), as(COACH)).thenRejects('CLASSIFICATION.KIND_INVALID', { field: 'kind', category: 'invalid' }));
    wellFormed(spec.given([reported()]).when(classify('basic', 'bad-luck'), as(COACH)).thenRejects('CLASSIFICATION.CAUSE_INVALID', { field: 'cause', category: 'invalid' }));
    spec.given([]).when(classify('basic', 'inattention'), as(COACH)).thenRejects('REPORT.NOT_FOUND', { category: 'not-found' });
    spec.given([reported(), classified('basic', 'inattention')]).when(classify('complex', 'uncertainty'), as(COACH)).thenRejects('CLASSIFICATION.ALREADY_CLASSIFIED', { category: 'conflict', field: 'kind' });
    spec.given([reported()]).when(classify('intelligent', 'hypothesis-testing', { ...allFour, hypothesis: 'h'.repeat(2001) }), as(COACH)).thenRejects('CLASSIFICATION.HYPOTHESIS_INVALID', { category: 'invalid', field: 'attributes.hypothesis' });
  });

  it('keeps the hypothesis trimmed, and takes one of exactly 2000 characters after trimming', () => {
    const classifiedWith = (hypothesis: string) => ({
      type: 'FailureClassified',
      data: { reportId: REPORT, teamId: TEAM, kind: 'intelligent', cause: 'hypothesis-testing', attributes: { ...allFour, hypothesis }, classifiedBy: COACH, classifiedAt: now },
    });
    spec.given([reported()]).when(classify('intelligent', 'hypothesis-testing', { ...allFour, hypothesis: `  ${allFour.hypothesis} ` }), as(COACH)).then([classifiedWith(allFour.hypothesis) as never]);
    spec.given([reported()]).when(classify('intelligent', 'hypothesis-testing', { ...allFour, hypothesis: ` ${'h'.repeat(2000)} ` }), as(COACH)).then([classifiedWith('h'.repeat(2000)) as never]);
  });
});

describe('an intelligent failure repeated becomes basic: the knowledge existed', () => {
  const learnedElsewhere = lesson('l-exp', { kind: 'intelligent', teamId: OTHER_TEAM, tags: ['handover', 'night-shift'], preventionAction: null, summary: 'Ten-minute handovers lose the medication list' });

  it('refuses to call it intelligent when another team learned it as intelligent, and offers basic', () => {
    const rejection = spec
      .given([reported()])
      .when(classify('intelligent', 'hypothesis-testing', allFour, [learnedElsewhere]), as(COACH))
      .thenRejects('CLASSIFICATION.KNOWLEDGE_EXISTED', { category: 'precondition', field: 'kind', details: expect.objectContaining({ offeredKind: 'basic', lessonId: 'l-exp', lessonTeamId: OTHER_TEAM }) as never });
    expect(rejection.message).toContain(`Team ${OTHER_TEAM} already learned this as an intelligent failure`);
  });

  it('then classifies it as basic, flagged as a repeat of that lesson', () => {
    spec
      .given([reported()])
      .when(classify('basic', 'process-inadequacy', undefined, [learnedElsewhere]), as(COACH))
      .then([
        expect.objectContaining({ type: 'FailureClassified' }) as never,
        {
          type: 'RepeatFailureFlagged',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            lessonId: 'l-exp',
            lessonReportId: 'r-l-exp',
            lessonTeamId: OTHER_TEAM,
            lessonKind: 'intelligent',
            matchedBy: 'area-and-tags',
            preventionAction: null,
            flaggedBy: COACH,
            flaggedAt: now,
          },
        },
      ]);
  });

  it('still allows an intelligent classification when the earlier experiment is only a near miss, or a basic lesson', () => {
    const nearMiss = { ...learnedElsewhere, tags: ['handover', 'weekend'] };
    spec.given([reported()]).when(classify('intelligent', 'hypothesis-testing', allFour, [nearMiss, lesson('l-basic')]), as(COACH)).then([expect.objectContaining({ type: 'FailureClassified' }) as never]);
  });

  it('refuses it too when the reporter linked the intelligent lesson explicitly, whatever its area', () => {
    const linked = { ...learnedElsewhere, area: 'planning', tags: ['rota'] };
    spec.given([reported({ linkedLessonIds: ['l-exp'] })]).when(classify('intelligent', 'hypothesis-testing', allFour, [linked]), as(COACH)).thenRejects('CLASSIFICATION.KNOWLEDGE_EXISTED');
  });
});

describe('ReclassifyFailure', () => {
  it('is an event with the previous classification and the reason', () => {
    spec
      .given([reported(), classified('basic', 'inattention')])
      .when(reclassify('complex', 'process-complexity'), as(COACH, { reason: 'Three systems failed at once' }))
      .then([
        {
          type: 'FailureReclassified',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            previousKind: 'basic',
            previousCause: 'inattention',
            kind: 'complex',
            cause: 'process-complexity',
            attributes: null,
            reason: 'Three systems failed at once',
            reclassifiedBy: COACH,
            reclassifiedAt: now,
          },
        },
      ]);
  });

  it('applies the same checks as a first classification', () => {
    spec.given([reported(), classified('basic', 'inattention')]).when(reclassify('intelligent', 'hypothesis-testing', { ...allFour, newTerritory: false }), as(COACH, { reason: 'r' })).thenRejects('CLASSIFICATION.NOT_INTELLIGENT');
    spec.given([reported(), classified('basic', 'inattention')]).when(reclassify('basic', 'uncertainty'), as(COACH, { reason: 'r' })).thenRejects('CLASSIFICATION.CAUSE_DOES_NOT_FIT');
  });

  it('needs a reason, an existing report, an earlier classification and an actual change', () => {
    wellFormed(spec.given([reported(), classified('basic', 'inattention')]).when(reclassify('complex', 'uncertainty'), as(COACH)).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { field: 'reason', category: 'invalid' }));
    spec.given([reported(), classified('basic', 'inattention')]).when(reclassify('complex', 'uncertainty'), as(COACH, { reason: '   ' })).thenRejects('FAILURE_LEARNING.REASON_REQUIRED');
    spec.given([]).when(reclassify('complex', 'uncertainty'), as(COACH, { reason: 'r' })).thenRejects('REPORT.NOT_FOUND', { category: 'not-found', field: 'reportId' });
    spec.given([reported()]).when(reclassify('complex', 'uncertainty'), as(COACH, { reason: 'r' })).thenRejects('CLASSIFICATION.NOT_CLASSIFIED', { category: 'precondition', field: 'kind' });
    spec.given([reported(), classified('basic', 'inattention')]).when(reclassify('basic', 'inattention'), as(COACH, { reason: 'r' })).thenRejects('CLASSIFICATION.UNCHANGED', { category: 'conflict', field: 'kind' });
    spec
      .given([reported(), classified('intelligent', 'hypothesis-testing', allFour.hypothesis)])
      .when(reclassify('intelligent', 'hypothesis-testing', allFour), as(COACH, { reason: 'r' }))
      .thenRejects('CLASSIFICATION.UNCHANGED', { field: 'kind' });
  });

  it('a new hypothesis for the same intelligent cause is a reclassification', () => {
    spec
      .given([reported(), classified('intelligent', 'hypothesis-testing', 'A shorter handover keeps the same quality')])
      .when(reclassify('intelligent', 'hypothesis-testing', allFour), as(COACH, { reason: 'The hypothesis was about ten minutes exactly' }))
      .then([
        {
          type: 'FailureReclassified',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            previousKind: 'intelligent',
            previousCause: 'hypothesis-testing',
            kind: 'intelligent',
            cause: 'hypothesis-testing',
            attributes: allFour,
            reason: 'The hypothesis was about ten minutes exactly',
            reclassifiedBy: COACH,
            reclassifiedAt: now,
          },
        },
      ]);
  });

  it('changing only the cause within a kind is a reclassification', () => {
    spec
      .given([reported(), classified('basic', 'inattention')])
      .when(reclassify('basic', 'process-inadequacy'), as(COACH, { reason: 'The checklist itself was incomplete' }))
      .then([expect.objectContaining({ type: 'FailureReclassified', data: expect.objectContaining({ previousCause: 'inattention', cause: 'process-inadequacy' }) }) as never]);
  });
});
