import { describe, expect, it } from '@jest/globals';
import { isRejection } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { reportDecider, reportStreamId } from './report.decider';
import type { ReportEvent } from './report.events';
import { ANNA, anonymously, anonymousReporterSubject, as, lesson, NOW, REPORT, reported, seal, TEAM, wellFormed } from './report.fixtures';
import { ANONYMOUS_REPORTER_ACTOR } from './reporting.rules';

const spec = DeciderSpecification.for(reportDecider);
const now = NOW.toISOString();

const report = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'ReportFailure',
    data: {
      reportId: REPORT,
      teamId: TEAM,
      expected: ' The evening medication is given at 20:00 ',
      happened: 'The medication list was not handed over and the dose was given at 22:00',
      context: 'Busy evening shift, two colleagues ill',
      impact: { description: 'Client slept badly', cost: { amount: 120.5, currency: 'EUR' } },
      severity: 'high',
      occurredAt: '2026-01-09T21:00:00+01:00',
      noticedAt: '2026-01-10T01:30:00+01:00',
      area: 'Medication',
      tags: ['night-shift', 'handover', 'handover'],
      linkedLessonIds: [],
      reporter: { anonymous: false },
      knownLessons: [],
      ...overrides,
    },
  }) as never;

describe('ReportFailure: what happened?', () => {
  it('records the blameless account with its time to detection, and credits the reporter for speaking up', () => {
    // 2026-01-09T20:00Z happened, 2026-01-10T00:30Z noticed: 4 h 30 min = 270 minutes.
    spec
      .given([])
      .when(report(), as(ANNA))
      .then([
        {
          type: 'FailureReported',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            expected: 'The evening medication is given at 20:00',
            happened: 'The medication list was not handed over and the dose was given at 22:00',
            context: 'Busy evening shift, two colleagues ill',
            impact: { description: 'Client slept badly', cost: { amount: 120.5, currency: 'EUR' } },
            severity: 'high',
            occurredAt: '2026-01-09T20:00:00.000Z',
            noticedAt: '2026-01-10T00:30:00.000Z',
            timeToDetectionMinutes: 270,
            area: 'medication',
            tags: ['handover', 'night-shift'],
            linkedLessonIds: [],
            reporter: { anonymous: false, reporterId: ANNA },
            reportedBy: ANNA,
            reportedAt: now,
          },
        },
        { type: 'SpeakingUpRecognised', data: { reportId: REPORT, teamId: TEAM, credited: { kind: 'reporter', reporterId: ANNA }, recognisedAt: now } },
      ]);
    expect(reportStreamId('acme', REPORT)).toBe('failure-learning-report-4:acme:r-1');
  });

  it('counts time to detection in whole minutes, 0 when noticed at once, and accepts a failure noticed right now', () => {
    const minutes = (occurredAt: string, noticedAt: string) => {
      const decision = reportDecider.decide(report({ occurredAt, noticedAt }), reportDecider.initialState, testContext(as(ANNA)));
      if (isRejection(decision)) throw new Error(decision.message);
      return (decision[0] as Extract<ReportEvent, { type: 'FailureReported' }>).data.timeToDetectionMinutes;
    };
    expect(minutes('2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z')).toBe(0);
    // 59.999 s short of two minutes rounds down to one.
    expect(minutes('2026-01-15T08:00:00Z', '2026-01-15T08:01:59.999Z')).toBe(1);
    // Three days and one minute: 3 × 1440 + 1 = 4321.
    expect(minutes('2026-01-12T08:59:00Z', '2026-01-15T09:00:00Z')).toBe(4321);
  });

  it('lets the reporter stay anonymous: the team is credited and the reporter is named nowhere', () => {
    const identity = seal(anonymousReporterSubject('tenant-test', REPORT));
    const decision = reportDecider.decide(report({ reporter: { anonymous: true, identity } }), reportDecider.initialState, testContext(anonymously()));
    if (isRejection(decision)) throw new Error(decision.message);
    expect(decision[0]!.data).toMatchObject({ reporter: { anonymous: true, identity }, reportedBy: 'failure-learning-anonymous-reporter' });
    expect(decision[1]).toEqual({ type: 'SpeakingUpRecognised', data: { reportId: REPORT, teamId: TEAM, credited: { kind: 'team', teamId: TEAM }, recognisedAt: now } });
    expect(JSON.stringify(decision)).not.toContain(ANNA);
  });

  it('refuses an anonymous report that would still name the reporter', () => {
    const identity = seal(anonymousReporterSubject('tenant-test', REPORT));
    // Under the person's own actor, the envelope would carry their id.
    spec.given([]).when(report({ reporter: { anonymous: true, identity } }), as(ANNA)).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { category: 'precondition', field: 'reporter' });
    // Sealed under the person's id, the seal's subject would name them.
    spec.given([]).when(report({ reporter: { anonymous: true, identity: seal(ANNA) } }), anonymously()).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { field: 'reporter.identity' });
    // Report ids are unique per tenant only: another tenant's report subject, or the legacy bare one, is refused.
    spec.given([]).when(report({ reporter: { anonymous: true, identity: seal(anonymousReporterSubject('tenant-other', REPORT)) } }), anonymously()).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { field: 'reporter.identity' });
    spec.given([]).when(report({ reporter: { anonymous: true, identity: seal(`failure-learning-reporter-${REPORT}`) } }), anonymously()).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { field: 'reporter.identity' });
    // Plain text is never accepted as an identity.
    wellFormed(spec.given([]).when(report({ reporter: { anonymous: true, identity: 'Anna de Vries' } }), anonymously()).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { field: 'reporter.identity' }));
    spec.given([]).when(report({ reporter: { anonymous: true, identity: seal(ANNA) } }), anonymously()).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { category: 'precondition' });
  });

  it('records an anonymous report only under the anonymous reporter actor itself: neither its id as a person nor another service', () => {
    expect(ANONYMOUS_REPORTER_ACTOR).toEqual({ id: 'failure-learning-anonymous-reporter', kind: 'service' });
    const identity = seal(anonymousReporterSubject('tenant-test', REPORT));
    for (const actor of [
      { id: ANONYMOUS_REPORTER_ACTOR.id, kind: 'user' as const },
      { id: 'failure-learning-service', kind: 'service' as const },
    ]) {
      spec.given([]).when(report({ reporter: { anonymous: true, identity } }), { actor, now: NOW }).thenRejects('REPORT.ANONYMITY_NOT_PROTECTED', { category: 'precondition', field: 'reporter' });
    }
  });

  it('refuses a named report made by a service, and a reporter without the anonymous choice', () => {
    spec.given([]).when(report(), anonymously()).thenRejects('REPORT.REPORTER_INVALID', { category: 'forbidden', field: 'reporter.anonymous' });
    for (const reporter of [{}, undefined, null, 'anonymous', { anonymous: 'yes' }]) {
      spec.given([]).when(report({ reporter }), as(ANNA)).thenRejects('REPORT.REPORTER_INVALID', { category: 'invalid', field: 'reporter.anonymous' });
    }
  });

  it.each(['blame', 'culprit', 'responsiblePerson', 'CausedBy'])('asks what happened, never who did it: a %s field is refused', (field) => {
    spec.given([]).when(report({ [field]: 'user-bram' }), as(ANNA)).thenRejects('REPORT.BLAME_NOT_ASKED', { category: 'invalid', field });
  });

  it('links lessons the reporter recognised, but only lessons the team can see', () => {
    spec
      .given([])
      .when(report({ linkedLessonIds: ['l-1', 'l-1'], knownLessons: [lesson('l-1')] }), as(ANNA))
      .then([expect.objectContaining({ data: expect.objectContaining({ linkedLessonIds: ['l-1'] }) }) as never, expect.anything() as never]);
    spec.given([]).when(report({ linkedLessonIds: ['l-1', 'l-9'], knownLessons: [lesson('l-1')] }), as(ANNA)).thenRejects('LESSON.NOT_FOUND', { category: 'not-found', field: 'linkedLessonIds.1' });
  });

  it('finds a linked lesson among several the team can see', () => {
    spec
      .given([])
      .when(report({ linkedLessonIds: ['l-2'], knownLessons: [lesson('l-1'), lesson('l-2'), lesson('l-3')] }), as(ANNA))
      .then([expect.objectContaining({ data: expect.objectContaining({ linkedLessonIds: ['l-2'] }) }) as never, expect.anything() as never]);
  });

  it.each([
    ['reportId', 'REPORT.INVALID', { reportId: ' r-1' }],
    ['teamId', 'REPORT.TEAM_INVALID', { teamId: '' }],
    ['expected', 'REPORT.TEXT_INVALID', { expected: '' }],
    ['happened', 'REPORT.TEXT_INVALID', { happened: '  ' }],
    ['context', 'REPORT.TEXT_INVALID', { context: 'x'.repeat(4001) }],
    ['impact.description', 'REPORT.TEXT_INVALID', { impact: {} }],
    ['impact.description', 'REPORT.TEXT_INVALID', { impact: undefined }],
    ['impact.cost.amount', 'REPORT.COST_INVALID', { impact: { description: 'd', cost: { amount: -1, currency: 'EUR' } } }],
    ['impact.cost.currency', 'REPORT.COST_INVALID', { impact: { description: 'd', cost: { amount: 1, currency: 'euro' } } }],
    ['severity', 'REPORT.SEVERITY_INVALID', { severity: 'critical' }],
    ['occurredAt', 'REPORT.TIME_INVALID', { occurredAt: '2026-01-09' }],
    ['noticedAt', 'REPORT.TIME_INVALID', { noticedAt: 'yesterday' }],
    ['noticedAt', 'REPORT.TIME_INVALID', { noticedAt: '2026-01-15T09:00:00.001Z' }],
    ['noticedAt', 'REPORT.TIME_INVALID', { occurredAt: '2026-01-10T00:30:00.001Z', noticedAt: '2026-01-10T00:30:00Z' }],
    ['area', 'REPORT.AREA_INVALID', { area: 'night shift' }],
    ['tags.1', 'REPORT.TAGS_INVALID', { tags: ['ok', 'not ok'] }],
    ['tags', 'REPORT.TAGS_INVALID', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['linkedLessonIds.0', 'REPORT.LINK_INVALID', { linkedLessonIds: [''] }],
  ])('rejects a bad %s with %s, naming the field in a sentence, and records nothing', (field, code, overrides) => {
    wellFormed(spec.given([]).when(report(overrides), as(ANNA)).thenRejects(code, { field, category: 'invalid' }));
  });

  it('accepts a report at the tag limit, without a cost', () => {
    spec
      .given([])
      .when(report({ tags: Array.from({ length: 10 }, (_, i) => `t${i}`), impact: { description: 'd' } }), as(ANNA))
      .then([expect.objectContaining({ type: 'FailureReported' }) as never, expect.objectContaining({ type: 'SpeakingUpRecognised' }) as never]);
  });

  it('rejects reporting the same report twice', () => {
    spec.given([reported()]).when(report(), as(ANNA)).thenRejects('REPORT.ALREADY_EXISTS', { category: 'conflict', field: 'reportId' });
  });
});
