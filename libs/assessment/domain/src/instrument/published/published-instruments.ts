import type { InstrumentDefinition, InstrumentRef } from '../instrument.model';
import { ABI_TRUSTWORTHINESS_V1 } from './abi-trustworthiness.instrument';
import { LEERZONE_STANDARDS_V1 } from './leerzone-standards.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from './psychological-safety.instrument';

/** Every version of every built-in instrument. Read-only: a tenant can neither change nor shadow them. */
export const PUBLISHED_INSTRUMENTS: readonly InstrumentDefinition[] = [PSYCHOLOGICAL_SAFETY_V1, ABI_TRUSTWORTHINESS_V1, LEERZONE_STANDARDS_V1];

export const isPublishedInstrumentId = (instrumentId: string): boolean => PUBLISHED_INSTRUMENTS.some((d) => d.instrumentId === instrumentId);

export const findPublishedInstrument = (ref: InstrumentRef): InstrumentDefinition | null =>
  PUBLISHED_INSTRUMENTS.find((d) => d.instrumentId === ref.instrumentId && d.version === ref.version) ?? null;

export const latestPublishedVersion = (instrumentId: string): InstrumentDefinition | null =>
  PUBLISHED_INSTRUMENTS.filter((d) => d.instrumentId === instrumentId).reduce<InstrumentDefinition | null>((latest, d) => (latest && latest.version > d.version ? latest : d), null);
