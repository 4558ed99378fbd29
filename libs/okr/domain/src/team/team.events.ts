import type { DomainEvent } from '@leerzone/kernel';
import type { KpiDefinition } from './team.model';

/** Every team (OKR) event, version 1. Shapes never change in place: see docs/okr-events.md. */
type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type CheckInCadenceSet = Ev<'CheckInCadenceSet', { teamId: string; previousEveryDays: number; everyDays: number; setBy: string; setAt: string }>;
export type KpiDefined = Ev<'KpiDefined', { teamId: string; kpiId: string; definition: KpiDefinition; objectiveId: string; definedBy: string; definedAt: string }>;
export type KpiLinkedToObjective = Ev<'KpiLinkedToObjective', { teamId: string; kpiId: string; previousObjectiveId: string; objectiveId: string; linkedBy: string; linkedAt: string }>;
export type KpiValueRecorded = Ev<'KpiValueRecorded', { teamId: string; kpiId: string; value: number; measuredOn: string; period: string; recordedBy: string; recordedAt: string }>;
export type KpiRetired = Ev<'KpiRetired', { teamId: string; kpiId: string; retiredBy: string; retiredAt: string; reason: string }>;

export type OkrTeamEvent = CheckInCadenceSet | KpiDefined | KpiLinkedToObjective | KpiValueRecorded | KpiRetired;

/** Every team event type; the Record makes the compiler insist the list is complete. */
const okrTeamEventTypeSet: Record<OkrTeamEvent['type'], true> = {
  CheckInCadenceSet: true,
  KpiDefined: true,
  KpiLinkedToObjective: true,
  KpiValueRecorded: true,
  KpiRetired: true,
};
export const OKR_TEAM_EVENT_TYPES = Object.keys(okrTeamEventTypeSet) as readonly OkrTeamEvent['type'][];
export const isOkrTeamEvent = (event: { readonly type: string }): event is OkrTeamEvent => Object.hasOwn(okrTeamEventTypeSet, event.type);
