import { describe, expect, it } from '@jest/globals';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import { confidentialCaseStreamId } from '../case/confidential-case.decider';
import { CONFIDENTIAL_CASE_EVENT_TYPES } from '../case/confidential-case.events';
import { FAILURE_LEARNING_EVENT_TYPES, FAILURE_LEARNING_STREAM_PREFIX, isConfidentialEvent } from '../events';
import { lessonsLibraryStreamId } from '../library/library.decider';
import { isLibraryEvent, LIBRARY_EVENT_TYPES } from '../library/library.events';
import { reflectionStreamId } from '../reflection/reflection.decider';
import { REFLECTION_EVENT_TYPES } from '../reflection/reflection.events';
import { reportStreamId } from '../report/report.decider';
import { isReportEvent, REPORT_EVENT_TYPES } from '../report/report.events';
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

  it.each(catalogue)('tells $stream events apart: only report events are report events, only library events library events', ({ stream, types }) => {
    for (const type of types) {
      expect(isReportEvent({ type })).toBe(stream === 'report');
      expect(isLibraryEvent({ type })).toBe(stream === 'library');
    }
  });

  it('knows no other type, nor an inherited property name, as a report or library event', () => {
    for (const type of ['TeamCreated', 'toString', 'constructor', '']) {
      expect(isReportEvent({ type })).toBe(false);
      expect(isLibraryEvent({ type })).toBe(false);
    }
  });

  it('starts every stream of this context with its prefix, and no stream of another context', () => {
    for (const streamId of [reportStreamId('acme', 'r-1'), lessonsLibraryStreamId('acme'), reflectionStreamId('acme', 'team-a'), confidentialCaseStreamId('acme', 'c-1')]) {
      expect(streamId.startsWith(FAILURE_LEARNING_STREAM_PREFIX)).toBe(true);
    }
    for (const streamId of ['team-4:acme:team-a', 'governance-settings-acme', 'okr-objective-4:acme:o-1']) {
      expect(streamId.startsWith(FAILURE_LEARNING_STREAM_PREFIX)).toBe(false);
    }
  });

  it('names no anonymous reporter in the clear', () => {
    expect(JSON.stringify(reportEventExamples.FailureReported)).not.toMatch(/user-/);
  });
});
