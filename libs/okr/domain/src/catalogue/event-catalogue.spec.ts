import { describe } from '@jest/globals';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import { CYCLE_EVENT_TYPES } from '../cycle/cycle.events';
import { OBJECTIVE_EVENT_TYPES } from '../objective/objective.events';
import { OKR_TEAM_EVENT_TYPES } from '../team/team.events';
import { cycleEventExamples, objectiveEventExamples, okrTeamEventExamples } from './event-examples.fixtures';

/**
 * The event catalogue (docs/okr-events.md) as a test: the serialized form of every event
 * type at its current version. A failing snapshot means a stored shape changed in place;
 * add a version and an upcaster instead of updating the snapshot.
 */
const catalogue = [
  { stream: 'cycle', types: CYCLE_EVENT_TYPES, examples: cycleEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'objective', types: OBJECTIVE_EVENT_TYPES, examples: objectiveEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'team', types: OKR_TEAM_EVENT_TYPES, examples: okrTeamEventExamples as Record<string, { type: string; data: unknown }> },
];

describe('okr event catalogue', () => {
  eventCatalogueTests(catalogue);
});
