import { assertNever } from '@leerzone/kernel';
import { changeEntry, setEntry } from '../shared/maps';
import type { OkrTeamEvent } from './team.events';
import type { KpiDefinition } from './team.model';
import { DEFAULT_CHECK_IN_CADENCE_DAYS } from './team.model';

export interface KpiValue {
  readonly value: number;
  readonly measuredOn: string;
  readonly period: string;
  readonly recordedAt: string;
}

export interface KpiState {
  readonly kpiId: string;
  readonly definition: KpiDefinition;
  readonly objectiveId: string;
  readonly retired: boolean;
  /** In the order recorded. */
  readonly values: readonly KpiValue[];
}

export interface OkrTeamState {
  readonly teamId: string | null;
  readonly checkInCadenceDays: number;
  readonly kpis: ReadonlyMap<string, KpiState>;
}

export const initialOkrTeamState: OkrTeamState = { teamId: null, checkInCadenceDays: DEFAULT_CHECK_IN_CADENCE_DAYS, kpis: new Map() };

export function evolveOkrTeam(state: OkrTeamState, event: OkrTeamEvent): OkrTeamState {
  const teamId = event.data.teamId;
  switch (event.type) {
    case 'CheckInCadenceSet':
      return { ...state, teamId, checkInCadenceDays: event.data.everyDays };
    case 'KpiDefined': {
      const { kpiId, definition, objectiveId } = event.data;
      return { ...state, teamId, kpis: setEntry(state.kpis, kpiId, { kpiId, definition, objectiveId, retired: false, values: [] }) };
    }
    case 'KpiLinkedToObjective':
      return { ...state, kpis: changeEntry(state.kpis, event.data.kpiId, (k) => ({ ...k, objectiveId: event.data.objectiveId })) };
    case 'KpiValueRecorded': {
      const { value, measuredOn, period, recordedAt } = event.data;
      return { ...state, kpis: changeEntry(state.kpis, event.data.kpiId, (k) => ({ ...k, values: [...k.values, { value, measuredOn, period, recordedAt }] })) };
    }
    case 'KpiRetired':
      return { ...state, kpis: changeEntry(state.kpis, event.data.kpiId, (k) => ({ ...k, retired: true })) };
    default:
      return assertNever(event);
  }
}
