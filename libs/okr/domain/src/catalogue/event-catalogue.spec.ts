import { describe, expect, it } from '@jest/globals';
import { EventSchemaRegistry } from '@leerzone/kernel';
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
const registry = new EventSchemaRegistry();

describe('okr event catalogue', () => {
  it.each(catalogue)('has one example per $stream event type', ({ types, examples }) => {
    expect(Object.keys(examples).sort()).toEqual([...types].sort());
    for (const [type, example] of Object.entries(examples)) expect(example.type).toBe(type);
  });

  it('has no event type in two streams', () => {
    const all = catalogue.flatMap((c) => c.types);
    expect(new Set(all).size).toBe(all.length);
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
