import type { DomainEvent } from '@leerzone/kernel';

/** Every cycle event, version 1. Shapes never change in place: see docs/okr-events.md. */
type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type CyclePlanned = Ev<'CyclePlanned', { cycleId: string; name: string; startsOn: string; endsOn: string; plannedBy: string; plannedAt: string }>;
export type CycleStarted = Ev<'CycleStarted', { cycleId: string; startedBy: string; startedAt: string }>;
export type CycleGradingStarted = Ev<'CycleGradingStarted', { cycleId: string; startedBy: string; startedAt: string }>;
export type CycleClosed = Ev<'CycleClosed', { cycleId: string; closedBy: string; closedAt: string }>;
/**
 * A team's lessons, recorded before or at the start of the cycle they open. A team's shared
 * record about its work, not about a person, so it stays in the clear (see README).
 * `late`: recorded after the cycle had started.
 */
export type RetrospectiveRecorded = Ev<
  'RetrospectiveRecorded',
  {
    cycleId: string;
    teamId: string;
    previousCycleId: string | null;
    whatWorked: string;
    whatDidNotWork: string;
    whatWeLearned: string;
    whatWeCarryForward: string | null;
    late: boolean;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type CycleEvent = CyclePlanned | CycleStarted | CycleGradingStarted | CycleClosed | RetrospectiveRecorded;

/** Every cycle event type; the Record makes the compiler insist the list is complete. */
const cycleEventTypeSet: Record<CycleEvent['type'], true> = {
  CyclePlanned: true,
  CycleStarted: true,
  CycleGradingStarted: true,
  CycleClosed: true,
  RetrospectiveRecorded: true,
};
export const CYCLE_EVENT_TYPES = Object.keys(cycleEventTypeSet) as readonly CycleEvent['type'][];
export const isCycleEvent = (event: { readonly type: string }): event is CycleEvent => Object.hasOwn(cycleEventTypeSet, event.type);
