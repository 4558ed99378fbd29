import { describe, expect, it } from '@jest/globals';
import { EventSchemaRegistry } from '@leerzone/kernel';
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
const registry = new EventSchemaRegistry();

describe('failure-learning event catalogue', () => {
  it.each(catalogue)('has one example per $stream event type', ({ types, examples }) => {
    expect(Object.keys(examples).sort()).toEqual([...types].sort());
    for (const [type, example] of Object.entries(examples)) expect(example.type).toBe(type);
  });

  it('has no event type in two streams, and lists them all', () => {
    const all = catalogue.flatMap((c) => c.types);
    expect(new Set(all).size).toBe(all.length);
    expect([...FAILURE_LEARNING_EVENT_TYPES].sort()).toEqual([...all].sort());
  });

  it.each(catalogue)('marks $stream events confidential: $confidential', ({ types, confidential }) => {
    for (const type of types) expect(isConfidentialEvent(type)).toBe(confidential);
  });

  it('names no anonymous reporter in the clear', () => {
    expect(JSON.stringify(reportEventExamples.FailureReported)).not.toMatch(/user-/);
  });

  for (const { stream, examples } of catalogue) {
    for (const [type, example] of Object.entries(examples)) {
      it(`${stream} ${type}, version ${registry.currentVersion(type)}`, () => {
        const serialized = JSON.stringify({ type, schemaVersion: registry.currentVersion(type), data: example.data }, null, 2);
        expect(JSON.parse(serialized)).toEqual({ type, schemaVersion: 1, data: example.data });
        expect(serialized).toMatchSnapshot();
      });
    }
  }
});
