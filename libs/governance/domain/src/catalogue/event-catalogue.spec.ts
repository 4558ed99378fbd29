import { describe, expect, it } from '@jest/globals';
import { EventSchemaRegistry } from '@leerzone/kernel';
import { ORGANISATION_EVENT_TYPES } from '../organisation/organisation.events';
import { ROLLOUT_PLAN_EVENT_TYPES } from '../rollout-plan/rollout-plan.events';
import { TEAM_EVENT_TYPES } from '../team/team.events';
import { TEAM_UPCASTERS } from '../team/team.upcasters';
import { legacyTeamEventExamples, organisationEventExamples, rolloutPlanEventExamples, teamEventExamples } from './event-examples.fixtures';

/**
 * The event catalogue (docs/governance-events.md) as a test: the serialized form of every
 * event type at its current version. A failing snapshot means a stored shape changed in
 * place; add a version and an upcaster instead of updating the snapshot.
 */
const catalogue = [
  { stream: 'team', types: TEAM_EVENT_TYPES, examples: teamEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'organisation', types: ORGANISATION_EVENT_TYPES, examples: organisationEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'rollout-plan', types: ROLLOUT_PLAN_EVENT_TYPES, examples: rolloutPlanEventExamples as Record<string, { type: string; data: unknown }> },
];
const registry = new EventSchemaRegistry(TEAM_UPCASTERS);

describe('governance event catalogue', () => {
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
        expect(JSON.parse(serialized)).toEqual({ type, schemaVersion: registry.currentVersion(type), data: example.data });
        expect(serialized).toMatchSnapshot();
      });
    }
  }

  // Older versions stay pinned (their snapshots never change) and must upcast to the current shape.
  for (const { version, example, upcastsTo } of legacyTeamEventExamples) {
    it(`team ${example.type}, version ${version}`, () => {
      const serialized = JSON.stringify({ type: example.type, schemaVersion: version, data: example.data }, null, 2);
      expect(serialized).toMatchSnapshot();
      const stored = { ...example, schemaVersion: version, eventId: 'e1' } as unknown as Parameters<typeof registry.upcast>[0];
      expect(registry.upcast(stored)).toMatchObject({ schemaVersion: registry.currentVersion(example.type), data: upcastsTo });
    });
  }
});
