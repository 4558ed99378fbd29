import { describe, expect, it } from '@jest/globals';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import { CONFIDENTIAL_CASE_EVENT_TYPES } from '../case/confidential-case.events';
import { FAILURE_LEARNING_EVENT_TYPES, isConfidentialEvent } from '../events';
import { LIBRARY_EVENT_TYPES } from '../library/library.events';
import { REFLECTION_EVENT_TYPES } from '../reflection/reflection.events';
import { REPORT_EVENT_TYPES } from '../report/report.events';
import { confidentialCaseEventExamples, libraryEventExamples, reflectionEventExamples, reportEventExamples } from './event-examples.fixtures';

/**
 * The event catalogue as a test: the serialized form of every event type at its current
 * version. A failing snapshot means a stored shape changed in place; add a version and an
 * upcaster instead of updating the snapshot.
 */
type AnyExamples = Record<string, { type: string; data: unknown }>;
const catalogue = [
  { stream: 'report', types: REPORT_EVENT_TYPES, examples: reportEventExamples as AnyExamples, confidential: false },
  { stream: 'library', types: LIBRARY_EVENT_TYPES, examples: libraryEventExamples as AnyExamples, confidential: false },
  { stream: 'reflection', types: REFLECTION_EVENT_TYPES, examples: reflectionEventExamples as AnyExamples, confidential: false },
  { stream: 'case', types: CONFIDENTIAL_CASE_EVENT_TYPES, examples: confidentialCaseEventExamples as AnyExamples, confidential: true },
];

describe('failure-learning event catalogue', () => {
  eventCatalogueTests(catalogue);

  it('lists every event type', () => {
    expect([...FAILURE_LEARNING_EVENT_TYPES].sort()).toEqual(catalogue.flatMap((c) => c.types).sort());
  });

  it.each(catalogue)('marks $stream events confidential: $confidential', ({ types, confidential }) => {
    for (const type of types) expect(isConfidentialEvent(type)).toBe(confidential);
  });

  it('names no anonymous reporter in the clear', () => {
    expect(JSON.stringify(reportEventExamples.FailureReported)).not.toMatch(/user-/);
  });
});
