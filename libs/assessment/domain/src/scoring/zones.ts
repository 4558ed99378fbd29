import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';

/**
 * The four zones of safety × standards (the article; after Edmondson):
 *   learning = high safety, high standards — the target state Leerzone is named after
 *   comfort  = high safety, low standards
 *   anxiety  = low safety, high standards
 *   apathy   = low safety, low standards
 */
export const ZONES = ['learning', 'comfort', 'anxiety', 'apathy'] as const;
export type Zone = (typeof ZONES)[number];

/**
 * Where "high" starts, on each instrument's own 1–7 scale: a team mean at or above the
 * threshold is high. The default 5 means the team, on average, calls the safety items (and
 * the standards items) at least "somewhat accurate", one point above the neutral midpoint
 * 4; a team exactly at 5.0 is high. Tenants may set their own (AssessmentSettings).
 */
export interface ZoneThresholds {
  readonly safetyHighFrom: number;
  readonly standardsHighFrom: number;
}

export const DEFAULT_ZONE_THRESHOLDS: ZoneThresholds = { safetyHighFrom: 5, standardsHighFrom: 5 };
/** Both axes are 7-point scales (the safety scale and Leerzone's standards scale). */
export const ZONE_SCALE = { min: 1, max: 7 } as const;

export function placeInZone(scores: { readonly safety: number; readonly standards: number }, thresholds: ZoneThresholds): Zone {
  const safe = scores.safety >= thresholds.safetyHighFrom;
  const demanding = scores.standards >= thresholds.standardsHighFrom;
  if (safe) return demanding ? 'learning' : 'comfort';
  return demanding ? 'anxiety' : 'apathy';
}

/** Thresholds from a tenant: numbers strictly inside the scale, so that both halves of each axis exist. */
export function parseZoneThresholds(value: unknown, field = 'zoneThresholds'): ZoneThresholds | Rejection {
  const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  for (const key of ['safetyHighFrom', 'standardsHighFrom'] as const) {
    const threshold = input[key];
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= ZONE_SCALE.min || threshold > ZONE_SCALE.max) {
      return reject('invalid', 'ZONE.THRESHOLD_INVALID', `${key} must be a number above ${ZONE_SCALE.min} and at most ${ZONE_SCALE.max} (on the 1–7 scale).`, {
        field: `${field}.${key}`,
      });
    }
  }
  return { safetyHighFrom: input['safetyHighFrom'] as number, standardsHighFrom: input['standardsHighFrom'] as number };
}
