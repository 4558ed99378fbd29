import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { DEFAULT_FOLLOW_UP_DUE_RULE } from '../shared/failure.model';
import { lessonsLibraryStreamId, libraryDecider } from './library.decider';
import type { LibraryEvent } from './library.events';
import { contributingFactorTaxonomy, followUpDueRule, libraryLessons } from './library.queries';
import { evolveLibrary, initialLibraryState } from './library.state';

const spec = DeciderSpecification.for(libraryDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const now = NOW.toISOString();
const LEAD = 'user-lead';
const by = (reason?: string) => ({ actor: { id: LEAD, kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const add = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'AddLessonToLibrary', data: { lessonId: 'l-3', reportId: 'r-1', teamId: 'team-a', kind: 'intelligent', summary: 'Night handovers need 20 minutes', area: 'medication', tags: ['handover'], ...overrides } }) as never;
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};
const added: LibraryEvent = {
  type: 'LessonAddedToLibrary',
  data: { lessonId: 'l-3', reportId: 'r-1', teamId: 'team-a', kind: 'intelligent', summary: 'Night handovers need 20 minutes', area: 'medication', tags: ['handover'], addedBy: LEAD, addedAt: now },
};

describe('the tenant’s lessons library', () => {
  it('adds a shared lesson once; the same lesson again changes nothing, another under its id is refused', () => {
    spec.given([]).when(add(), by()).then([added]);
    spec.given([added]).when(add(), by()).thenNothingHappens();
    spec.given([added]).when(add({ summary: 'Something else' }), by()).thenRejects('LESSON.ALREADY_EXISTS', { category: 'conflict' });
    expect(lessonsLibraryStreamId('acme')).toBe('failure-learning-library-acme');
    expect(libraryLessons(fold(libraryDecider, [added])).map((l) => l.lessonId)).toEqual(['l-3']);
  });

  it.each([
    ['lessonId', 'LESSON.INVALID', { lessonId: '' }],
    ['reportId', 'LESSON.INVALID', { reportId: ' r-1' }],
    ['teamId', 'LESSON.INVALID', { teamId: undefined }],
    ['kind', 'LESSON.KIND_INVALID', { kind: 'great' }],
    ['summary', 'LESSON.SUMMARY_INVALID', { summary: '' }],
    ['area', 'LESSON.AREA_INVALID', { area: 'Night Shift!' }],
    ['tags', 'LESSON.TAGS_INVALID', { tags: [] }],
  ])('rejects a bad %s with %s, in a sentence naming it', (field, code, overrides) => {
    wellFormed(spec.given([]).when(add(overrides), by()).thenRejects(code, { field, category: 'invalid' }));
  });

  it('refuses a lesson under a taken id from another report, even with the same summary', () => {
    spec.given([added]).when(add({ reportId: 'r-2' }), by()).thenRejects('LESSON.ALREADY_EXISTS', { category: 'conflict', field: 'lessonId' });
  });

  it('lists its lessons oldest first, lessons added at the same instant in the order they were added', () => {
    const lessonAt = (lessonId: string, addedAt: string): LibraryEvent => ({ ...added, data: { ...added.data, lessonId, addedAt } });
    const state = fold(libraryDecider, [
      lessonAt('l-d', '2026-01-15T09:00:00.000Z'),
      lessonAt('l-c', '2026-01-12T09:00:00.000Z'),
      lessonAt('l-b', '2026-01-15T09:00:00.000Z'),
      lessonAt('l-a', '2026-01-14T09:00:00.000Z'),
      lessonAt('l-e', '2026-01-12T09:00:00.000Z'),
    ]);
    expect(libraryLessons(state).map((l) => l.lessonId)).toEqual(['l-c', 'l-e', 'l-a', 'l-d', 'l-b']);
    expect(libraryLessons(state)[0]).toEqual({ lessonId: 'l-c', reportId: 'r-1', teamId: 'team-a', kind: 'intelligent', summary: 'Night handovers need 20 minutes', area: 'medication', tags: ['handover'], addedAt: '2026-01-12T09:00:00.000Z' });
  });

  it('starts with no lessons, the default taxonomy under readable labels and the default due-date rule', () => {
    expect(initialLibraryState).toEqual({
      lessons: new Map(),
      contributingFactors: new Map([
        ['tooling', 'Tooling'],
        ['process', 'Process'],
        ['communication', 'Communication'],
        ['load', 'Load'],
        ['dependency', 'Dependency'],
        ['knowledge', 'Knowledge'],
      ]),
      dueRule: DEFAULT_FOLLOW_UP_DUE_RULE,
    });
  });

  it('starts with the default taxonomy and lets the tenant extend it', () => {
    expect(contributingFactorTaxonomy(libraryDecider.initialState)).toEqual(['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge']);
    const factor = { type: 'AddContributingFactor', data: { factor: 'Weather', label: 'Weather and travel' } } as never;
    const factorAdded: LibraryEvent = { type: 'ContributingFactorAdded', data: { factor: 'weather', label: 'Weather and travel', addedBy: LEAD, addedAt: now } };
    spec.given([]).when(factor, by()).then([factorAdded]);
    expect(contributingFactorTaxonomy(fold(libraryDecider, [factorAdded]))).toEqual(['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge', 'weather']);
    spec.given([factorAdded]).when(factor, by()).thenRejects('TAXONOMY.FACTOR_EXISTS', { category: 'conflict', field: 'factor' });
    spec.given([]).when({ type: 'AddContributingFactor', data: { factor: 'load', label: 'Load' } } as never, by()).thenRejects('TAXONOMY.FACTOR_EXISTS', { field: 'factor' });
    wellFormed(spec.given([]).when({ type: 'AddContributingFactor', data: { factor: 'x', label: '' } } as never, by()).thenRejects('TAXONOMY.LABEL_INVALID', { field: 'label' }));
  });

  it('refuses a factor that is no slug, naming the factor, and adds nothing', () => {
    for (const factor of ['Night Shift!', '', undefined]) {
      wellFormed(spec.given([]).when({ type: 'AddContributingFactor', data: { factor, label: 'Night shift' } } as never, by()).thenRejects('TAXONOMY.FACTOR_INVALID', { field: 'factor', category: 'invalid' }));
    }
  });

  it('keeps the taxonomy at most 50 factors long', () => {
    // 6 defaults + 44 added = 50: full.
    const extra: LibraryEvent[] = Array.from({ length: 44 }, (_, i) => ({ type: 'ContributingFactorAdded', data: { factor: `f${i}`, label: `F${i}`, addedBy: LEAD, addedAt: now } }));
    spec.given(extra.slice(0, 43)).when({ type: 'AddContributingFactor', data: { factor: 'last', label: 'Last' } } as never, by()).then([expect.objectContaining({ type: 'ContributingFactorAdded' }) as never]);
    spec.given(extra).when({ type: 'AddContributingFactor', data: { factor: 'one-more', label: 'One more' } } as never, by()).thenRejects('TAXONOMY.FULL', { category: 'precondition', field: 'factor' });
  });

  it('has the default due-date rule (high 3 days, otherwise 7) until the tenant sets its own, with a reason', () => {
    expect(followUpDueRule(libraryDecider.initialState)).toEqual({ high: 3, medium: 7, low: 7 });
    const set = (rule: unknown) => ({ type: 'SetFollowUpDueRule', data: { rule } }) as never;
    spec.given([]).when(set({ high: 2, medium: 5, low: 10 }), by('Faster follow-up after the audit')).then([
      { type: 'FollowUpDueRuleSet', data: { previous: DEFAULT_FOLLOW_UP_DUE_RULE, rule: { high: 2, medium: 5, low: 10 }, setBy: LEAD, setAt: now, reason: 'Faster follow-up after the audit' } },
    ]);
    wellFormed(spec.given([]).when(set({ high: 2, medium: 5, low: 10 }), by()).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { field: 'reason' }));
    spec.given([]).when(set({ high: 2, medium: 5 }), by('r')).thenRejects('FOLLOW_UP.DUE_RULE_INVALID', { field: 'rule.low' });
    spec.given([]).when(set({ high: 3, medium: 7, low: 7 }), by('r')).thenNothingHappens();
  });

  it('sets a rule that differs from the current one in any single severity, and then reads it', () => {
    const set = (rule: unknown) => ({ type: 'SetFollowUpDueRule', data: { rule } }) as never;
    for (const rule of [
      { high: 2, medium: 7, low: 7 },
      { high: 3, medium: 5, low: 7 },
      { high: 3, medium: 7, low: 8 },
    ]) {
      spec.given([]).when(set(rule), by('r')).then([{ type: 'FollowUpDueRuleSet', data: { previous: DEFAULT_FOLLOW_UP_DUE_RULE, rule, setBy: LEAD, setAt: now, reason: 'r' } }]);
    }
    const ruleSet: LibraryEvent = { type: 'FollowUpDueRuleSet', data: { previous: DEFAULT_FOLLOW_UP_DUE_RULE, rule: { high: 2, medium: 5, low: 10 }, setBy: LEAD, setAt: now, reason: 'r' } };
    expect(followUpDueRule(fold(libraryDecider, [ruleSet]))).toEqual({ high: 2, medium: 5, low: 10 });
    spec.given([ruleSet]).when(set({ high: 2, medium: 5, low: 10 }), by('r')).thenNothingHappens();
    spec.given([ruleSet]).when(set(DEFAULT_FOLLOW_UP_DUE_RULE), by('r')).then([{ type: 'FollowUpDueRuleSet', data: { previous: { high: 2, medium: 5, low: 10 }, rule: DEFAULT_FOLLOW_UP_DUE_RULE, setBy: LEAD, setAt: now, reason: 'r' } }]);
  });

  it('throws on a command or an event it does not know, rather than ignoring it', () => {
    expect(() => libraryDecider.decide({ type: 'RemoveLesson', data: { lessonId: 'l-3' } } as never, initialLibraryState, testContext(by()))).toThrow(/RemoveLesson/);
    expect(() => evolveLibrary(initialLibraryState, { type: 'LessonRemoved', data: { lessonId: 'l-3' } } as never)).toThrow(/LessonRemoved/);
  });
});
