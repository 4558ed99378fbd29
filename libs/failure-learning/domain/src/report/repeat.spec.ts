import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { LessonReference } from '../lessons/lesson.model';
import { reportDecider } from './report.decider';
import type { ReportEvent } from './report.events';
import { COACH, as, classified, lesson, NOW, OTHER_TEAM, REPORT, reported, TEAM } from './report.fixtures';

/** "Not twice": the report is in area medication with tags handover, medication-list, night-shift. */
const spec = DeciderSpecification.for(reportDecider);
const now = NOW.toISOString();
const classifyBasic = (knownLessons: readonly LessonReference[]) => ({ type: 'ClassifyFailure', data: { reportId: REPORT, kind: 'basic', cause: 'inattention', knownLessons } }) as never;
const classifiedNow: ReportEvent = { type: 'FailureClassified', data: { reportId: REPORT, teamId: TEAM, kind: 'basic', cause: 'inattention', attributes: null, classifiedBy: COACH, classifiedAt: now } };

const flagged = (l: LessonReference, matchedBy: 'explicit-link' | 'area-and-tags'): ReportEvent => ({
  type: 'RepeatFailureFlagged',
  data: {
    reportId: REPORT,
    teamId: TEAM,
    lessonId: l.lessonId,
    lessonReportId: l.reportId,
    lessonTeamId: l.teamId,
    lessonKind: l.kind,
    matchedBy,
    preventionAction: l.preventionAction && { ...l.preventionAction, done: l.preventionAction.status === 'done' },
    flaggedBy: COACH,
    flaggedAt: now,
  },
});

describe('repeat detection for a new basic failure', () => {
  it('flags an explicitly linked lesson as repeated, with its prevention action not done', () => {
    const linked = lesson('l-1', { area: 'planning', tags: ['rota'] });
    spec
      .given([reported({ linkedLessonIds: ['l-1'] })])
      .when(classifyBasic([linked]), as(COACH))
      .then([
        classifiedNow,
        {
          type: 'RepeatFailureFlagged',
          data: {
            reportId: REPORT,
            teamId: TEAM,
            lessonId: 'l-1',
            lessonReportId: 'r-l-1',
            lessonTeamId: OTHER_TEAM,
            lessonKind: 'basic',
            matchedBy: 'explicit-link',
            preventionAction: { actionId: 'a-l-1', description: 'Add the list to the handover checklist', status: 'open', done: false },
            flaggedBy: COACH,
            flaggedAt: now,
          },
        },
      ]);
  });

  it('flags a lesson in the same area whose tags the report all carries, saying the prevention was done', () => {
    const same = lesson('l-2', { tags: ['handover', 'medication-list'], teamId: TEAM, preventionAction: { actionId: 'a-2', description: 'Checklist item', status: 'done' } });
    spec.given([reported()]).when(classifyBasic([same]), as(COACH)).then([classifiedNow, flagged(same, 'area-and-tags')]);
  });

  it('does not flag near misses: some tags shared, all tags in another area, or a lesson without tags', () => {
    const someTags = lesson('l-3', { tags: ['handover', 'weekend'] });
    const otherArea = lesson('l-4', { area: 'planning', tags: ['handover'] });
    const untagged = lesson('l-5', { tags: [] });
    spec.given([reported()]).when(classifyBasic([someTags, otherArea, untagged]), as(COACH)).then([classifiedNow]);
  });

  it('does not flag the report as repeating its own lesson', () => {
    spec.given([reported()]).when(classifyBasic([lesson('l-own', { reportId: REPORT })]), as(COACH)).then([classifiedNow]);
  });

  it('flags every repeated lesson once, explicit links first, then by lesson id', () => {
    const a = lesson('l-a');
    const b = lesson('l-b', { preventionAction: null });
    const linked = lesson('l-z', { area: 'planning', tags: ['rota'] });
    spec.given([reported({ linkedLessonIds: ['l-z'] })]).when(classifyBasic([b, a, linked]), as(COACH)).then([classifiedNow, flagged(linked, 'explicit-link'), flagged(a, 'area-and-tags'), flagged(b, 'area-and-tags')]);
  });

  it('orders the flags the same whatever order the lessons arrive in', () => {
    const a = lesson('l-a');
    const b = lesson('l-b');
    const c = lesson('l-c');
    const linkedY = lesson('l-y', { area: 'planning', tags: ['rota'] });
    const linkedZ = lesson('l-z', { area: 'planning', tags: ['rota'] });
    const expected = [classifiedNow, flagged(linkedY, 'explicit-link'), flagged(linkedZ, 'explicit-link'), flagged(a, 'area-and-tags'), flagged(b, 'area-and-tags'), flagged(c, 'area-and-tags')];
    for (const order of [
      [a, b, c, linkedY, linkedZ],
      [linkedZ, linkedY, c, b, a],
      [b, linkedZ, a, c, linkedY],
    ]) {
      spec.given([reported({ linkedLessonIds: ['l-z', 'l-y'] })]).when(classifyBasic(order), as(COACH)).then(expected);
    }
  });

  it('flags nothing for complex or intelligent failures', () => {
    spec
      .given([reported()])
      .when({ type: 'ClassifyFailure', data: { reportId: REPORT, kind: 'complex', cause: 'uncertainty', knownLessons: [lesson('l-2')] } } as never, as(COACH))
      .then([{ type: 'FailureClassified', data: { reportId: REPORT, teamId: TEAM, kind: 'complex', cause: 'uncertainty', attributes: null, classifiedBy: COACH, classifiedAt: now } }]);
  });

  it('flags repeats when a report is reclassified as basic, but never a lesson twice', () => {
    const a = lesson('l-a');
    const b = lesson('l-b');
    const already: ReportEvent = flagged(a, 'area-and-tags');
    spec
      .given([reported(), classified('basic', 'inattention'), already, { type: 'FailureReclassified', data: { reportId: REPORT, teamId: TEAM, previousKind: 'basic', previousCause: 'inattention', kind: 'complex', cause: 'uncertainty', attributes: null, reason: 'r', reclassifiedBy: COACH, reclassifiedAt: now } }])
      .when({ type: 'ReclassifyFailure', data: { reportId: REPORT, kind: 'basic', cause: 'lack-of-ability', knownLessons: [a, b] } } as never, as(COACH, { reason: 'It was a known skill gap' }))
      .then([expect.objectContaining({ type: 'FailureReclassified' }) as never, flagged(b, 'area-and-tags')]);
  });
});
