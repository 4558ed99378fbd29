import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_FOLLOW_UP_DUE_RULE } from '../shared/failure.model';
import { lessonsLibraryStreamId, libraryDecider } from './library.decider';
import type { LibraryEvent } from './library.events';
import { contributingFactorTaxonomy, followUpDueRule, libraryLessons } from './library.queries';

const spec = DeciderSpecification.for(libraryDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const now = NOW.toISOString();
const LEAD = 'user-lead';
const by = (reason?: string) => ({ actor: { id: LEAD, kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const add = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'AddLessonToLibrary', data: { lessonId: 'l-3', reportId: 'r-1', teamId: 'team-a', kind: 'intelligent', summary: 'Night handovers need 20 minutes', area: 'medication', tags: ['handover'], ...overrides } }) as never;
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
    ['kind', 'LESSON.KIND_INVALID', { kind: 'great' }],
    ['summary', 'LESSON.SUMMARY_INVALID', { summary: '' }],
    ['area', 'LESSON.AREA_INVALID', { area: 'Night Shift!' }],
    ['tags', 'LESSON.TAGS_INVALID', { tags: [] }],
  ])('rejects a bad %s with %s', (field, code, overrides) => {
    spec.given([]).when(add(overrides), by()).thenRejects(code, { field, category: 'invalid' });
  });

  it('starts with the default taxonomy and lets the tenant extend it', () => {
    expect(contributingFactorTaxonomy(libraryDecider.initialState)).toEqual(['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge']);
    const factor = { type: 'AddContributingFactor', data: { factor: 'Weather', label: 'Weather and travel' } } as never;
    const factorAdded: LibraryEvent = { type: 'ContributingFactorAdded', data: { factor: 'weather', label: 'Weather and travel', addedBy: LEAD, addedAt: now } };
    spec.given([]).when(factor, by()).then([factorAdded]);
    expect(contributingFactorTaxonomy(fold(libraryDecider, [factorAdded]))).toEqual(['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge', 'weather']);
    spec.given([factorAdded]).when(factor, by()).thenRejects('TAXONOMY.FACTOR_EXISTS', { category: 'conflict' });
    spec.given([]).when({ type: 'AddContributingFactor', data: { factor: 'load', label: 'Load' } } as never, by()).thenRejects('TAXONOMY.FACTOR_EXISTS');
    spec.given([]).when({ type: 'AddContributingFactor', data: { factor: 'x', label: '' } } as never, by()).thenRejects('TAXONOMY.LABEL_INVALID', { field: 'label' });
  });

  it('keeps the taxonomy at most 50 factors long', () => {
    // 6 defaults + 44 added = 50: full.
    const extra: LibraryEvent[] = Array.from({ length: 44 }, (_, i) => ({ type: 'ContributingFactorAdded', data: { factor: `f${i}`, label: `F${i}`, addedBy: LEAD, addedAt: now } }));
    spec.given(extra.slice(0, 43)).when({ type: 'AddContributingFactor', data: { factor: 'last', label: 'Last' } } as never, by()).then([expect.objectContaining({ type: 'ContributingFactorAdded' }) as never]);
    spec.given(extra).when({ type: 'AddContributingFactor', data: { factor: 'one-more', label: 'One more' } } as never, by()).thenRejects('TAXONOMY.FULL', { category: 'precondition' });
  });

  it('has the default due-date rule (high 3 days, otherwise 7) until the tenant sets its own, with a reason', () => {
    expect(followUpDueRule(libraryDecider.initialState)).toEqual({ high: 3, medium: 7, low: 7 });
    const set = (rule: unknown) => ({ type: 'SetFollowUpDueRule', data: { rule } }) as never;
    spec.given([]).when(set({ high: 2, medium: 5, low: 10 }), by('Faster follow-up after the audit')).then([
      { type: 'FollowUpDueRuleSet', data: { previous: DEFAULT_FOLLOW_UP_DUE_RULE, rule: { high: 2, medium: 5, low: 10 }, setBy: LEAD, setAt: now, reason: 'Faster follow-up after the audit' } },
    ]);
    spec.given([]).when(set({ high: 2, medium: 5, low: 10 }), by()).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { field: 'reason' });
    spec.given([]).when(set({ high: 2, medium: 5 }), by('r')).thenRejects('FOLLOW_UP.DUE_RULE_INVALID', { field: 'rule.low' });
    spec.given([]).when(set({ high: 3, medium: 7, low: 7 }), by('r')).thenNothingHappens();
  });
});
