import { assertNever } from '@leerzone/kernel';
import type { ZoneThresholds } from '../scoring/zones';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { DEFAULT_ANONYMITY_THRESHOLD } from '../shared/assessment.constants';
import type { SettingsEvent } from './settings.events';

export interface AssessmentSettings {
  readonly anonymityThreshold: number;
  readonly zoneThresholds: ZoneThresholds;
}

export interface SettingsState extends AssessmentSettings {
  readonly configured: boolean;
}

/** A tenant that never configured anything gets the defaults. */
export const initialSettingsState: SettingsState = { configured: false, anonymityThreshold: DEFAULT_ANONYMITY_THRESHOLD, zoneThresholds: DEFAULT_ZONE_THRESHOLDS };

export function evolveSettings(state: SettingsState, event: SettingsEvent): SettingsState {
  switch (event.type) {
    case 'AssessmentSettingsChanged':
      return { configured: true, anonymityThreshold: event.data.anonymityThreshold, zoneThresholds: event.data.zoneThresholds };
    default:
      return assertNever(event.type);
  }
}

export const effectiveSettings = (state: SettingsState): AssessmentSettings => ({ anonymityThreshold: state.anonymityThreshold, zoneThresholds: state.zoneThresholds });
