import type { LessonReference } from './lesson.model';

/** How many suggestions a draft report gets. */
export const MAX_LESSON_SUGGESTIONS = 5;
/** Below this token overlap two texts are not called similar. */
export const MIN_TEXT_SIMILARITY = 0.2;
/**
 * The score of a suggestion: 0.5 × tag overlap + 0.3 for the same area + 0.2 × text
 * overlap, each overlap a Jaccard index (|A ∩ B| / |A ∪ B|) from 0 to 1. Tags weigh most
 * because a team chose them on purpose; text least because words vary.
 */
export const SUGGESTION_WEIGHTS = { tags: 0.5, area: 0.3, text: 0.2 } as const;
/** Words shorter than this carry no meaning of their own ("a", "de", "on"). */
export const MIN_TOKEN_LENGTH = 3;
const STOP_WORDS = new Set(['the', 'and', 'was', 'were', 'with', 'for', 'not', 'but', 'that', 'this', 'een', 'het', 'van', 'niet', 'met', 'voor', 'dat', 'die', 'wat', 'werd']);

export interface LessonDraft {
  readonly area: string | null;
  readonly tags: readonly string[];
  /** What the reporter has written so far: what happened, what was expected, the context. */
  readonly text: string;
}

export interface LessonSuggestion {
  readonly lessonId: string;
  readonly reportId: string;
  readonly teamId: string;
  readonly kind: LessonReference['kind'];
  readonly summary: string;
  /** Rounded to three decimals, for display and stable ordering. */
  readonly score: number;
  readonly why: {
    readonly sharedTags: readonly string[];
    readonly sameArea: boolean;
    /** Token Jaccard of the draft's text and the lesson's summary; 0 when below MIN_TEXT_SIMILARITY. */
    readonly textSimilarity: number;
  };
}

/** Lower-cased words (letters and digits in any script), without short and stop words. */
export function tokens(text: string): ReadonlySet<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= MIN_TOKEN_LENGTH && !STOP_WORDS.has(word)),
  );
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

export const textSimilarity = (a: string, b: string): number => jaccard(tokens(a), tokens(b));

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Earlier lessons that may be the same failure as a draft, best first (ties by lesson id),
 * at most MAX_LESSON_SUGGESTIONS, each saying why it matched. A lesson matching on nothing
 * is never suggested.
 */
export function suggestLessons(draft: LessonDraft, lessons: readonly LessonReference[], limit = MAX_LESSON_SUGGESTIONS): readonly LessonSuggestion[] {
  const draftTags = new Set(draft.tags);
  const draftTokens = tokens(draft.text);
  const suggestions: LessonSuggestion[] = [];
  for (const lesson of lessons) {
    const sharedTags = lesson.tags.filter((tag) => draftTags.has(tag)).sort();
    const sameArea = draft.area !== null && lesson.area === draft.area;
    const rawText = jaccard(draftTokens, tokens(lesson.summary));
    const text = rawText >= MIN_TEXT_SIMILARITY ? rawText : 0;
    if (sharedTags.length === 0 && !sameArea && text === 0) continue;
    const tagOverlap = jaccard(draftTags, new Set(lesson.tags));
    const score = SUGGESTION_WEIGHTS.tags * tagOverlap + (sameArea ? SUGGESTION_WEIGHTS.area : 0) + SUGGESTION_WEIGHTS.text * text;
    suggestions.push({
      lessonId: lesson.lessonId,
      reportId: lesson.reportId,
      teamId: lesson.teamId,
      kind: lesson.kind,
      summary: lesson.summary,
      score: round(score),
      why: { sharedTags, sameArea, textSimilarity: round(text) },
    });
  }
  return suggestions.sort((a, b) => b.score - a.score || (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0)).slice(0, limit);
}
