import type { DomainEvent } from '@leerzone/kernel';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/** A tenant's governance settings: the thresholds and defaults the rules read. */
export interface GovernanceSettings {
  /** A team this many months in one phase has stalled. */
  readonly maxMonthsInPhase: number;
  /** A team this many months on its journey (since it left preparing) has stalled. */
  readonly maxMonthsOnJourney: number;
  /** An escalation unanswered this many days is overdue. */
  readonly escalationTimeoutDays: number;
  /** A proposal without its own deadline is open for objections this many days. */
  readonly consentDeadlineDays: number;
}

export type GovernanceSettingsChanged = Ev<
  'GovernanceSettingsChanged',
  { tenantId: string; previous: GovernanceSettings; settings: GovernanceSettings; changedBy: string; changedAt: string; reason: string }
>;

export type GovernanceSettingsEvent = GovernanceSettingsChanged;

const settingsEventTypeSet: Record<GovernanceSettingsEvent['type'], true> = { GovernanceSettingsChanged: true };
export const GOVERNANCE_SETTINGS_EVENT_TYPES = Object.keys(settingsEventTypeSet) as readonly GovernanceSettingsEvent['type'][];
export const isGovernanceSettingsEvent = (event: { readonly type: string }): event is GovernanceSettingsEvent => Object.hasOwn(settingsEventTypeSet, event.type);
