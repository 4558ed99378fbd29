import { assertNever } from '@leerzone/kernel';
import type { InstrumentEvent } from './instrument.events';
import type { InstrumentDefinition } from './instrument.model';

export interface InstrumentState {
  readonly exists: boolean;
  readonly instrumentId: string | null;
  /** Every version ever defined, oldest first; version n is at index n − 1. */
  readonly versions: readonly InstrumentDefinition[];
  readonly retiredAt: string | null;
}

export const initialInstrumentState: InstrumentState = { exists: false, instrumentId: null, versions: [], retiredAt: null };

export function evolveInstrument(state: InstrumentState, event: InstrumentEvent): InstrumentState {
  switch (event.type) {
    case 'InstrumentDefined':
      return { exists: true, instrumentId: event.data.instrumentId, versions: [event.data.definition], retiredAt: null };
    case 'InstrumentRevised':
      return { ...state, versions: [...state.versions, event.data.definition] };
    case 'InstrumentRetired':
      return { ...state, retiredAt: event.data.retiredAt };
    default:
      return assertNever(event);
  }
}
