import { assertNever } from '@leerzone/kernel';
import { setEntry } from '../shared/maps';
import type { CycleEvent, RetrospectiveRecorded } from './cycle.events';
import type { CycleFacts, CycleStatus } from './cycle.model';

export type RetrospectiveState = Omit<RetrospectiveRecorded['data'], 'cycleId'>;

export interface CycleState {
  readonly exists: boolean;
  readonly cycleId: string | null;
  readonly name: string | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly status: CycleStatus;
  readonly startedAt: string | null;
  readonly gradingStartedAt: string | null;
  readonly closedAt: string | null;
  /** teamId → the team's retrospective for the period before this cycle. */
  readonly retrospectives: ReadonlyMap<string, RetrospectiveState>;
}

export const initialCycleState: CycleState = {
  exists: false,
  cycleId: null,
  name: null,
  startsOn: null,
  endsOn: null,
  status: 'planning',
  startedAt: null,
  gradingStartedAt: null,
  closedAt: null,
  retrospectives: new Map(),
};

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  switch (event.type) {
    case 'CyclePlanned': {
      const { cycleId, name, startsOn, endsOn } = event.data;
      return { ...state, exists: true, cycleId, name, startsOn, endsOn, status: 'planning' };
    }
    case 'CycleStarted':
      return { ...state, status: 'running', startedAt: event.data.startedAt };
    case 'CycleGradingStarted':
      return { ...state, status: 'grading', gradingStartedAt: event.data.startedAt };
    case 'CycleClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    case 'RetrospectiveRecorded': {
      const { cycleId: _cycleId, ...retrospective } = event.data;
      return { ...state, retrospectives: setEntry(state.retrospectives, retrospective.teamId, retrospective) };
    }
    default:
      return assertNever(event);
  }
}

/** The facts objective commands need about this cycle; null until the cycle is planned. */
export function cycleFacts(state: CycleState): CycleFacts | null {
  if (!state.exists || state.cycleId === null || state.startsOn === null || state.endsOn === null) return null;
  return { cycleId: state.cycleId, status: state.status, startsOn: state.startsOn, endsOn: state.endsOn };
}
