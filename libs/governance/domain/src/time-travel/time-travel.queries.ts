import type { EffectiveBoundary } from '../shared/boundary.model';
import type { OrganisationEvent } from '../organisation/organisation.events';
import { isOrganisationEvent } from '../organisation/organisation.events';
import { effectiveUnitBoundaries } from '../organisation/organisation.queries';
import type { OrganisationState } from '../organisation/organisation.state';
import { evolveOrganisation, initialOrganisationState } from '../organisation/organisation.state';
import type { RolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import { isRolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import type { RolloutView } from '../rollout-plan/rollout-plan.queries';
import { rolloutView } from '../rollout-plan/rollout-plan.queries';
import type { RolloutPlanState } from '../rollout-plan/rollout-plan.state';
import { evolveRolloutPlan, initialRolloutPlanState } from '../rollout-plan/rollout-plan.state';
import { mandateFor } from '../team/mandate';
import type { Mandate } from '../team/mandate.model';
import type { TeamEvent } from '../team/team.events';
import { isTeamEvent } from '../team/team.events';
import type { BoundariesView, DelegationBoardView, MembershipView } from '../team/team.queries';
import { boundariesView, delegationBoardView, membershipView } from '../team/team.queries';
import type { TeamState } from '../team/team.state';
import { evolveTeam, initialTeamState } from '../team/team.state';
import type { GovernanceSettingsEvent } from '../settings/settings.events';
import { isGovernanceSettingsEvent } from '../settings/settings.events';
import type { GovernanceSettingsState } from '../settings/settings.decider';
import { evolveGovernanceSettings, initialGovernanceSettingsState } from '../settings/settings.decider';
import type { HistoricalEvent } from './historical-event';
import { eventsAsOf, foldAs } from './historical-event';

/** Time travel: what held at a moment, rebuilt from the events that had happened by then. */

export type AsOf<View> = View & { readonly asOf: string; readonly exists: boolean };

export const teamStateAsOf = (events: readonly HistoricalEvent[], asOf: Date): TeamState =>
  foldAs<TeamEvent, TeamState>(eventsAsOf(events, asOf), isTeamEvent, 'team', initialTeamState, evolveTeam);

export const organisationStateAsOf = (events: readonly HistoricalEvent[], asOf: Date): OrganisationState =>
  foldAs<OrganisationEvent, OrganisationState>(eventsAsOf(events, asOf), isOrganisationEvent, 'organisation', initialOrganisationState, evolveOrganisation);

export const rolloutPlanStateAsOf = (events: readonly HistoricalEvent[], asOf: Date): RolloutPlanState =>
  foldAs<RolloutPlanEvent, RolloutPlanState>(eventsAsOf(events, asOf), isRolloutPlanEvent, 'rollout plan', initialRolloutPlanState, evolveRolloutPlan);

/**
 * The team's boundaries at `asOf`. Pass the unit's effective boundaries as of the same
 * moment (`unitBoundariesAsOf` over the organisation stream) to get the full frame.
 */
export function teamBoundariesAsOf(events: readonly HistoricalEvent[], asOf: Date, unitBoundaries: readonly EffectiveBoundary[] = []): AsOf<BoundariesView> {
  const state = teamStateAsOf(events, asOf);
  return { asOf: asOf.toISOString(), exists: state.exists, ...boundariesView(state, unitBoundaries) };
}

export function teamDelegationBoardAsOf(events: readonly HistoricalEvent[], asOf: Date): AsOf<DelegationBoardView> {
  const state = teamStateAsOf(events, asOf);
  return { asOf: asOf.toISOString(), exists: state.exists, ...delegationBoardView(state) };
}

export function teamMembershipAsOf(events: readonly HistoricalEvent[], asOf: Date): AsOf<MembershipView> {
  const state = teamStateAsOf(events, asOf);
  return { asOf: asOf.toISOString(), exists: state.exists, ...membershipView(state) };
}

/** "What could team X decide about `area` on date D, within which boundaries?" */
export function teamMandateAsOf(events: readonly HistoricalEvent[], asOf: Date, area: string, unitBoundaries: readonly EffectiveBoundary[] = []): AsOf<Mandate> {
  const state = teamStateAsOf(events, asOf);
  return { asOf: asOf.toISOString(), exists: state.exists, ...mandateFor(state, area, unitBoundaries, asOf) };
}

/** A unit's effective boundaries (own + inherited) at `asOf`: the unit lookup for a team's past. */
export function unitBoundariesAsOf(events: readonly HistoricalEvent[], unitId: string, asOf: Date): readonly EffectiveBoundary[] {
  return effectiveUnitBoundaries(organisationStateAsOf(events, asOf), unitId);
}

export function rolloutPlanAsOf(events: readonly HistoricalEvent[], asOf: Date): AsOf<RolloutView> {
  const state = rolloutPlanStateAsOf(events, asOf);
  return { asOf: asOf.toISOString(), exists: state.exists, ...rolloutView(state) };
}

/** The tenant's governance settings as they stood at `asOf` (the defaults before any change). */
export const governanceSettingsAsOf = (events: readonly HistoricalEvent[], asOf: Date): AsOf<GovernanceSettingsState> => ({
  asOf: asOf.toISOString(),
  exists: true,
  ...foldAs<GovernanceSettingsEvent, GovernanceSettingsState>(
    eventsAsOf(events, asOf),
    isGovernanceSettingsEvent,
    'governance settings',
    initialGovernanceSettingsState,
    evolveGovernanceSettings,
  ),
});
