import { describe, expect, it } from '@jest/globals';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import { INSTRUMENT_EVENT_TYPES } from '../instrument/instrument.events';
import { MATURITY_EVENT_TYPES } from '../maturity/maturity.events';
import { ROUND_EVENT_TYPES } from '../round/round.events';
import { SETTINGS_EVENT_TYPES } from '../settings/settings.events';
import { instrumentEventExamples, maturityEventExamples, roundEventExamples, settingsEventExamples } from './event-examples.fixtures';

/**
 * The event catalogue as a test: the serialized form of every event type at its current
 * version. A failing snapshot means a stored shape changed in place; add a version and an
 * upcaster instead of updating the snapshot.
 */
type AnyExamples = Record<string, { type: string; data: unknown }>;
const catalogue = [
  { stream: 'instrument', types: INSTRUMENT_EVENT_TYPES, examples: instrumentEventExamples as AnyExamples },
  { stream: 'round', types: ROUND_EVENT_TYPES, examples: roundEventExamples as AnyExamples },
  { stream: 'maturity', types: MATURITY_EVENT_TYPES, examples: maturityEventExamples as AnyExamples },
  { stream: 'settings', types: SETTINGS_EVENT_TYPES, examples: settingsEventExamples as AnyExamples },
];

describe('assessment event catalogue', () => {
  eventCatalogueTests(catalogue);

  it('never names a respondent in an event that carries an answer', () => {
    const withAnswers = JSON.stringify([roundEventExamples.AnswerRecorded, roundEventExamples.RoundClosed]);
    for (const id of roundEventExamples.RoundOpened.data.respondentIds) expect(withAnswers).not.toContain(id);
  });
});
