import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { InstrumentDefinition, InstrumentRef } from './instrument.model';
import type { InstrumentState } from './instrument.state';
import { findPublishedInstrument, isPublishedInstrumentId } from './published/published-instruments';

/**
 * The definition a new round may use for `ref`: a published version, or a version of the
 * tenant's own instrument (its stream's state, loaded by the service). The service calls
 * this before OpenRound and passes the definitions in.
 */
export function resolveInstrument(ref: InstrumentRef, tenantInstrument: InstrumentState | null, field = 'instruments'): InstrumentDefinition | Rejection {
  if (isPublishedInstrumentId(ref.instrumentId)) {
    return (
      findPublishedInstrument(ref) ??
      reject('not-found', 'INSTRUMENT.VERSION_UNKNOWN', `Instrument ${ref.instrumentId} has no version ${String(ref.version)}.`, { field })
    );
  }
  if (!tenantInstrument?.exists || tenantInstrument.instrumentId !== ref.instrumentId) {
    return reject('not-found', 'INSTRUMENT.NOT_FOUND', `Instrument ${ref.instrumentId} does not exist in this tenant.`, { field });
  }
  if (tenantInstrument.retiredAt !== null) {
    return reject('precondition', 'INSTRUMENT.RETIRED', `Instrument ${ref.instrumentId} is retired; a new round cannot use it.`, { field });
  }
  const definition = tenantInstrument.versions.find((d) => d.version === ref.version);
  return definition ?? reject('not-found', 'INSTRUMENT.VERSION_UNKNOWN', `Instrument ${ref.instrumentId} has no version ${String(ref.version)}.`, { field });
}

export const currentVersion = (state: InstrumentState): InstrumentDefinition | null => state.versions.at(-1) ?? null;
