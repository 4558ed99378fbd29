import { describe, expect, it } from '@jest/globals';
import type { LessonReference } from './lesson.model';
import { repeatMatch } from './lesson.model';
import { jaccard, suggestLessons, textSimilarity, tokens } from './lesson-suggestions.queries';

const lesson = (lessonId: string, area: string, tags: string[], summary: string): LessonReference => ({
  lessonId,
  reportId: `r-${lessonId}`,
  teamId: 'team-b',
  kind: 'basic',
  summary,
  area,
  tags,
  preventionAction: null,
});

/** Draft tokens: {medication, list, missing, evening, handover} ("the", "was" are stop words, "at" too short). */
const draft = { area: 'medication', tags: ['handover', 'night-shift'], text: 'The medication list was missing at the evening handover' };
const lessons = [
  // Tags 1/3 (handover of {handover, night-shift, medication-list}); same area; text {medication, list, handover} of 7 = 3/7.
  lesson('l-1', 'medication', ['handover', 'medication-list'], 'Double-check the medication list at handover'),
  // Tags 1/2; other area; no word shared.
  lesson('l-2', 'planning', ['night-shift'], 'Plan two people on every night shift'),
  // Same area only.
  lesson('l-3c', 'medication', ['storage'], 'Keep the fridge locked'),
  lesson('l-3a', 'medication', ['storage'], 'Keep the fridge locked'),
  lesson('l-3b', 'medication', ['storage'], 'Label the fridge'),
  // Text only: the same five words → 1.
  lesson('l-4', 'cleaning', ['laundry'], 'Evening handover was missing the medication list'),
  // {evening} of {evening, laundry, piles, medication, list, missing, handover} = 1/7 < 0.2: no match at all.
  lesson('l-5', 'cleaning', ['laundry'], 'Evening laundry piles up'),
];

describe('suggestLessons: "not twice" while the report is written', () => {
  it('ranks by 0.5 × tag overlap + 0.3 same area + 0.2 × text overlap, top 5, ties by lesson id', () => {
    const suggestions = suggestLessons(draft, lessons);
    expect(suggestions.map((s) => [s.lessonId, s.score])).toEqual([
      // 0.5 × 1/3 + 0.3 + 0.2 × 3/7 = 0.16667 + 0.3 + 0.08571 = 0.55238
      ['l-1', 0.552],
      // 0 + 0.3 + 0
      ['l-3a', 0.3],
      ['l-3b', 0.3],
      ['l-3c', 0.3],
      // 0.5 × 1/2 = 0.25; l-4 (0.2 × 1 = 0.2) is sixth and left out
      ['l-2', 0.25],
    ]);
  });

  it('says why each lesson matched', () => {
    const [first] = suggestLessons(draft, lessons);
    expect(first).toEqual({
      lessonId: 'l-1',
      reportId: 'r-l-1',
      teamId: 'team-b',
      kind: 'basic',
      summary: 'Double-check the medication list at handover',
      score: 0.552,
      why: { sharedTags: ['handover'], sameArea: true, textSimilarity: 0.429 },
    });
    expect(suggestLessons(draft, lessons, 10).find((s) => s.lessonId === 'l-4')?.why).toEqual({ sharedTags: [], sameArea: false, textSimilarity: 1 });
    expect(suggestLessons(draft, lessons, 10).find((s) => s.lessonId === 'l-2')?.why).toEqual({ sharedTags: ['night-shift'], sameArea: false, textSimilarity: 0 });
  });

  it('never suggests a lesson that matches on nothing, and suggests nothing from an empty library', () => {
    expect(suggestLessons(draft, lessons, 10).map((s) => s.lessonId)).not.toContain('l-5');
    expect(suggestLessons(draft, [])).toEqual([]);
    expect(suggestLessons({ area: null, tags: [], text: '' }, lessons)).toEqual([]);
  });

  it('counts text similarity exactly at the threshold of 0.2', () => {
    // {alpha} of {alpha, bravo, charlie, delta, echo} = 1/5 = 0.2: similar; 1/6 is not.
    const atThreshold = lesson('l-t', 'x', ['y'], 'alpha bravo');
    expect(suggestLessons({ area: null, tags: [], text: 'alpha charlie delta echo' }, [atThreshold])).toEqual([expect.objectContaining({ score: 0.04, why: { sharedTags: [], sameArea: false, textSimilarity: 0.2 } })]);
    expect(suggestLessons({ area: null, tags: [], text: 'alpha charlie delta echo foxtrot' }, [atThreshold])).toEqual([]);
  });
});

describe('suggestLessons: edges', () => {
  it('lists the shared tags in order, whatever order the lesson keeps them in', () => {
    const [only] = suggestLessons(draft, [lesson('l-1', 'planning', ['night-shift', 'storage', 'handover'], 'x')]);
    expect(only?.why.sharedTags).toEqual(['handover', 'night-shift']);
  });
});

describe('tokens and Jaccard', () => {
  it('drops every English and Dutch stop word', () => {
    expect([...tokens('the and was were with for not but that this een het van niet met voor dat die wat werd')]).toEqual([]);
    expect([...tokens('The AND Werd fridge')]).toEqual(['fridge']);
  });

  it('lower-cases words in any script and drops short and stop words', () => {
    expect([...tokens('De cliënt kreeg één dosis te laat; the DOSIS was late.')].sort()).toEqual(['cliënt', 'dosis', 'kreeg', 'laat', 'late', 'één']);
  });

  it('is |A ∩ B| / |A ∪ B|, and 0 for two empty texts', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 10);
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('handover missing', 'missing handover')).toBe(1);
  });
});

describe('repeatMatch', () => {
  const report = { reportId: 'r-new', area: 'medication', tags: ['handover', 'medication-list'], linkedLessonIds: [] as string[] };
  it('matches an explicit link, or the same area with all the lesson’s tags, and nothing else', () => {
    expect(repeatMatch({ ...report, linkedLessonIds: ['l-2'] }, lessons[1]!)).toBe('explicit-link');
    expect(repeatMatch(report, lessons[0]!)).toBe('area-and-tags');
    expect(repeatMatch(report, lesson('l-x', 'medication', ['handover', 'weekend'], 's'))).toBeNull();
    expect(repeatMatch(report, lesson('l-y', 'planning', ['handover'], 's'))).toBeNull();
  });
});
