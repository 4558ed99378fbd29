import type { DomainEvent } from '@leerzone/kernel';
import type { InstrumentDefinition } from './instrument.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/** A tenant instrument's events, version 1. Shapes never change in place: see the event catalogue. */
export type InstrumentDefined = Ev<'InstrumentDefined', { instrumentId: string; definition: InstrumentDefinition; definedBy: string; definedAt: string }>;
export type InstrumentRevised = Ev<
  'InstrumentRevised',
  { instrumentId: string; previousVersion: number; definition: InstrumentDefinition; revisedBy: string; revisedAt: string; reason: string | null }
>;
export type InstrumentRetired = Ev<'InstrumentRetired', { instrumentId: string; lastVersion: number; retiredBy: string; retiredAt: string; reason: string }>;

export type InstrumentEvent = InstrumentDefined | InstrumentRevised | InstrumentRetired;

export const INSTRUMENT_EVENT_TYPES: readonly InstrumentEvent['type'][] = ['InstrumentDefined', 'InstrumentRevised', 'InstrumentRetired'];
