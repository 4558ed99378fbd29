import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { LessonReference } from '../lessons/lesson.model';
import { CAUSES_BY_KIND, type FailureKind } from '../shared/failure.model';
import type { ReportCommand } from './report.commands';
import { reportDecider } from './report.decider';
import type { ReportEvent } from './report.events';
import type { ReportState } from './report.state';
import { COACH, lesson, NOW, REPORT, reported } from './report.fixtures';

/**
 * "Not twice" under random reports, lessons and (re)classifications, through the real decider.
 * The oracle is the rule in words: a report repeats a lesson it links, or one in its area whose
 * (non-empty) tags it all carries, never its own. Once the report is basic with the lesson
 * known, the repeat is flagged; never a non-repeat, never one lesson twice, never for a
 * complex or intelligent failure.
 */
const AREAS = ['medication', 'planning'] as const;
const TAGS = ['handover', 'medication-list', 'night-shift', 'rota'] as const;
const tags = fc.subarray([...TAGS]);
const lessonIds = ['l-1', 'l-2', 'l-3', 'l-4', 'l-5', 'l-6'];
const lessons = fc
  .tuple(...lessonIds.map(() => fc.record({ area: fc.constantFrom(...AREAS), tags, kind: fc.constantFrom<FailureKind>('basic', 'complex', 'intelligent'), own: fc.boolean() })))
  .map((drawn) => drawn.map((d, i) => lesson(lessonIds[i]!, { area: d.area, tags: d.tags, kind: d.kind, ...(d.own && i === 0 ? { reportId: REPORT } : {}) })));
const classification = fc.record({ kind: fc.constantFrom<FailureKind>('basic', 'basic', 'complex', 'intelligent'), pick: fc.nat(), known: fc.subarray(lessonIds.map((_, i) => i)), again: fc.boolean() });
const scenario = fc.record({ area: fc.constantFrom(...AREAS), tags, linked: fc.subarray(lessonIds), lessons, steps: fc.array(classification, { minLength: 1, maxLength: 6 }) });

const repeats = (report: { area: string; tags: readonly string[]; linked: readonly string[] }, l: LessonReference): boolean =>
  l.reportId !== REPORT && (report.linked.includes(l.lessonId) || (l.area === report.area && l.tags.length > 0 && l.tags.every((t) => report.tags.includes(t))));

describe('report decider: "not twice" under random classifications', () => {
  it('flags exactly the lessons a basic failure repeats, each once', () => {
    const reached = { flagged: 0, basicWithoutRepeat: 0, nonBasicWithRepeatKnown: 0 };
    fc.assert(
      fc.property(scenario, ({ area, tags: reportTags, linked, lessons: all, steps }) => {
        let state: ReportState = [reported({ area, tags: reportTags, linkedLessonIds: linked })].reduce(reportDecider.evolve, reportDecider.initialState);
        const report = { area, tags: reportTags, linked };
        const flaggedIds: string[] = [];
        const everKnownWhileBasic = new Set<string>();
        for (const { kind, pick, known, again } of steps) {
          const causes = CAUSES_BY_KIND[kind];
          const knownLessons = known.map((i) => all[i]!);
          const data = {
            reportId: REPORT,
            kind,
            cause: causes[pick % causes.length]!,
            ...(kind === 'intelligent' ? { attributes: { newTerritory: true, credibleOpportunity: true, hypothesis: 'A shorter handover keeps the same quality', asSmallAsPossible: true } } : {}),
            knownLessons,
          };
          const command: ReportCommand = state.classification && !again ? { type: 'ReclassifyFailure', data } : { type: 'ClassifyFailure', data };
          const decision = reportDecider.decide(command, state, testContext({ actor: { id: COACH, kind: 'user' }, now: NOW, reason: 'we looked again' }));
          const events: readonly ReportEvent[] = isRejection(decision) ? [] : decision;
          const newlyFlagged = events.flatMap((e) => (e.type === 'RepeatFailureFlagged' ? [e.data.lessonId] : []));
          if (events.length > 0) {
            if (kind !== 'basic') {
              expect(newlyFlagged).toEqual([]);
              if (knownLessons.some((l) => repeats(report, l))) reached.nonBasicWithRepeatKnown++;
            } else {
              for (const l of knownLessons) if (repeats(report, l)) everKnownWhileBasic.add(l.lessonId);
              // Only repeats are flagged, and every repeat known now is flagged now or was before.
              for (const id of newlyFlagged) expect({ id, repeats: repeats(report, all.find((l) => l.lessonId === id)!) }).toEqual({ id, repeats: true });
              const expected = knownLessons.filter((l) => repeats(report, l)).map((l) => l.lessonId);
              for (const id of expected) expect({ id, flagged: newlyFlagged.includes(id) || flaggedIds.includes(id) }).toEqual({ id, flagged: true });
              if (expected.length === 0) reached.basicWithoutRepeat++;
            }
            flaggedIds.push(...newlyFlagged);
            reached.flagged += newlyFlagged.length;
          }
          state = events.reduce(reportDecider.evolve, state);
        }
        // Never one lesson twice, and all of them by the end.
        expect(new Set(flaggedIds).size).toBe(flaggedIds.length);
        expect(new Set(flaggedIds)).toEqual(everKnownWhileBasic);
      }),
      { numRuns: 300 },
    );
    expect(reached.flagged).toBeGreaterThan(50);
    expect(reached.basicWithoutRepeat).toBeGreaterThan(10);
    expect(reached.nonBasicWithRepeatKnown).toBeGreaterThan(10);
  }, 60_000);
});
