import type { DomainEvent } from '@leerzone/kernel';
import type { ZoneThresholds } from '../scoring/zones';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type AssessmentSettingsChanged = Ev<
  'AssessmentSettingsChanged',
  { tenantId: string; anonymityThreshold: number; zoneThresholds: ZoneThresholds; changedBy: string; changedAt: string; reason: string }
>;

export type SettingsEvent = AssessmentSettingsChanged;

export const SETTINGS_EVENT_TYPES: readonly SettingsEvent['type'][] = ['AssessmentSettingsChanged'];
