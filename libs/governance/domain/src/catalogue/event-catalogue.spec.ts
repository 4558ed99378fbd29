import { describe } from '@jest/globals';
import { EventSchemaRegistry } from '@leerzone/kernel';
import { eventCatalogueTests } from '@leerzone/kernel/testing';
import { ORGANISATION_EVENT_TYPES } from '../organisation/organisation.events';
import { ROLLOUT_PLAN_EVENT_TYPES } from '../rollout-plan/rollout-plan.events';
import { GOVERNANCE_SETTINGS_EVENT_TYPES } from '../settings/settings.events';
import { TEAM_EVENT_TYPES } from '../team/team.events';
import { TEAM_UPCASTERS } from '../team/team.upcasters';
import { governanceSettingsEventExamples, legacyTeamEventExamples, organisationEventExamples, rolloutPlanEventExamples, teamEventExamples } from './event-examples.fixtures';

/**
 * The event catalogue (docs/governance-events.md) as a test: the serialized form of every
 * event type at its current version. A failing snapshot means a stored shape changed in
 * place; add a version and an upcaster instead of updating the snapshot.
 */
const catalogue = [
  { stream: 'team', types: TEAM_EVENT_TYPES, examples: teamEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'organisation', types: ORGANISATION_EVENT_TYPES, examples: organisationEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'rollout-plan', types: ROLLOUT_PLAN_EVENT_TYPES, examples: rolloutPlanEventExamples as Record<string, { type: string; data: unknown }> },
  { stream: 'governance-settings', types: GOVERNANCE_SETTINGS_EVENT_TYPES, examples: governanceSettingsEventExamples as Record<string, { type: string; data: unknown }> },
];
const registry = new EventSchemaRegistry(TEAM_UPCASTERS);

describe('governance event catalogue', () => {
  eventCatalogueTests(catalogue, { registry, legacyStream: 'team', legacy: legacyTeamEventExamples });
});
