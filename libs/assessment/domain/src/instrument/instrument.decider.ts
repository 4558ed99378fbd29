import type { Decider } from '@leerzone/kernel';
import { aggregateStreamId, assertNever } from '@leerzone/kernel';
import type { InstrumentCommand } from './instrument.commands';
import type { InstrumentEvent } from './instrument.events';
import { defineInstrument, retireInstrument, reviseInstrument } from './instrument.rules';
import type { InstrumentState } from './instrument.state';
import { evolveInstrument, initialInstrumentState } from './instrument.state';

/**
 * A tenant's own instrument, one stream per tenant and id, scoped like every aggregate; streams of the earlier `assessment-instrument-<tenant>-<id>` form are still read (`readTenantStream`).
 */
export const instrumentStreamId = (tenantId: string, instrumentId: string): string => aggregateStreamId('assessment-instrument-', tenantId, instrumentId);

export const instrumentDecider: Decider<InstrumentCommand, InstrumentEvent, InstrumentState> = {
  initialState: initialInstrumentState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'DefineInstrument':
        return defineInstrument(command, state, ctx);
      case 'ReviseInstrument':
        return reviseInstrument(command, state, ctx);
      case 'RetireInstrument':
        return retireInstrument(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveInstrument,
};
