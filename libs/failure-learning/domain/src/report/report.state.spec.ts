import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { reportDecider } from './report.decider';
import type { ReportEvent } from './report.events';
import { actionPlanned, andThen, COACH, as, classified, NOW, REPORT, reported, RULE, T0, TEAM } from './report.fixtures';
import { nextStepOf } from './report.queries';
import { evolveReport, initialReportState } from './report.state';

/** The report's state as its events fold it: what the deciders and the next-step query read. */
const now = NOW.toISOString();
const state = (events: readonly ReportEvent[]) => fold(reportDecider, events);
const speakingUp: ReportEvent = { type: 'SpeakingUpRecognised', data: { reportId: REPORT, teamId: TEAM, credited: { kind: 'team', teamId: TEAM }, recognisedAt: T0 } };
const reclassified = (kind: 'basic' | 'complex', cause: string, previousKind = 'basic', previousCause = 'inattention'): ReportEvent =>
  ({
    type: 'FailureReclassified',
    data: { reportId: REPORT, teamId: TEAM, previousKind, previousCause, kind, cause, attributes: null, reason: 'r', reclassifiedBy: COACH, reclassifiedAt: now },
  }) as ReportEvent;
const basicResponse = {
  type: 'RecordBasicFailureResponse',
  data: {
    reportId: REPORT,
    prevention: { actionId: 'a-prevent', kind: 'training', description: 'Train the night shift on the handover', ownerTeamId: TEAM },
    lesson: { lessonId: 'l-1', summary: 'Hand over the medication list first' },
    dueRule: RULE,
  },
} as never;

describe('the report state', () => {
  it('starts as no report: nothing reported, classified, responded, learned, planned or flagged', () => {
    expect(initialReportState).toEqual({
      exists: false,
      reportId: null,
      teamId: null,
      severity: 'low',
      area: '',
      tags: [],
      linkedLessonIds: [],
      anonymous: false,
      reportedAt: null,
      classification: null,
      reclassifications: 0,
      responded: new Set(),
      celebrated: false,
      lessons: new Map(),
      actions: new Map(),
      repeatedLessonIds: [],
    });
  });

  it('takes the report’s facts from FailureReported, and is unchanged by the recognition for speaking up', () => {
    const afterReport = state([reported({ severity: 'medium', linkedLessonIds: ['l-0'] })]);
    expect(afterReport).toEqual({
      ...initialReportState,
      exists: true,
      reportId: REPORT,
      teamId: TEAM,
      severity: 'medium',
      area: 'medication',
      tags: ['handover', 'medication-list', 'night-shift'],
      linkedLessonIds: ['l-0'],
      anonymous: false,
      reportedAt: T0,
    });
    expect(evolveReport(afterReport, speakingUp)).toBe(afterReport);
  });

  it('holds the classification with its time, and each reclassification replaces it and is counted', () => {
    const once = state([reported(), speakingUp, classified('basic', 'inattention')]);
    expect([once.classification, once.reclassifications]).toEqual([{ kind: 'basic', cause: 'inattention', attributes: null, at: T0 }, 0]);
    const twice = state([reported(), speakingUp, classified('basic', 'inattention'), reclassified('complex', 'uncertainty'), reclassified('basic', 'lack-of-ability', 'complex', 'uncertainty')]);
    expect([twice.classification, twice.reclassifications, twice.repeatedLessonIds]).toEqual([{ kind: 'basic', cause: 'lack-of-ability', attributes: null, at: now }, 2, []]);
  });

  it('keeps each lesson with its kind and prevention, and the kinds responded to', () => {
    const responded = state(andThen([reported(), classified('basic', 'inattention')], basicResponse));
    expect([...responded.lessons.values()]).toEqual([{ lessonId: 'l-1', kind: 'basic', preventionActionId: 'a-prevent' }]);
    expect(responded.responded).toEqual(new Set(['basic']));
  });

  it('is unchanged by the records of a system analysis and of an intelligent failure’s learning', () => {
    const given = state([reported(), classified('complex', 'uncertainty')]);
    expect(
      evolveReport(given, {
        type: 'SystemAnalysisRecorded',
        data: { reportId: REPORT, contributingFactors: [{ factor: 'load', description: 'd' }], missedWeakSignals: [], howToSpotSooner: 'h', analysedBy: COACH, analysedAt: now },
      }),
    ).toBe(given);
    expect(
      evolveReport(given, { type: 'IntelligentFailureLearningRecorded', data: { reportId: REPORT, hypothesis: 'h', learned: 'l', cost: null, recordedBy: COACH, recordedAt: now } }),
    ).toBe(given);
  });

  it('throws on a command or an event it does not know, rather than ignoring it', () => {
    expect(() => reportDecider.decide({ type: 'DeleteReport', data: { reportId: REPORT } } as never, state([reported()]), testContext(as(COACH)))).toThrow(/DeleteReport/);
    expect(() => evolveReport(state([reported()]), { type: 'ReportDeleted', data: { reportId: REPORT } } as never)).toThrow(/ReportDeleted/);
  });
});

describe('nextStepOf: what the report still needs', () => {
  it('is nothing before the report exists, then classify, respond, follow up the open prevention, and done once it is closed', () => {
    const reportedOnly = [reported(), speakingUp];
    const classifiedBasic = [...reportedOnly, classified('basic', 'inattention')];
    const responded = andThen(classifiedBasic, basicResponse);
    const completed = andThen(responded, { type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-prevent' } } as never);
    expect([initialReportState, state(reportedOnly), state(classifiedBasic), state(responded), state(completed)].map(nextStepOf)).toEqual([null, 'classify', 'respond', 'follow-up', 'done']);
  });

  it('is done when every action is closed, declined ones too, and follow-up while any one is open', () => {
    const responded = andThen([reported(), classified('basic', 'inattention')], basicResponse);
    const declined: ReportEvent = { type: 'FollowUpActionDeclined', data: { reportId: REPORT, actionId: 'a-prevent', reason: 'The rota changes', declinedBy: COACH, declinedAt: now } };
    expect(nextStepOf(state([...responded, declined]))).toBe('done');
    expect(nextStepOf(state([...responded, declined, actionPlanned('a-2', '2026-01-18')]))).toBe('follow-up');
  });
});
