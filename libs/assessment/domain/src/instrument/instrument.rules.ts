import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId } from '@leerzone/kernel';
import { isSlug } from '../shared/assessment.constants';
import { at, requiredReason } from '../shared/context';
import { parseTenantInstrument } from './instrument-definition.validation';
import type { DefineInstrument, RetireInstrument, ReviseInstrument } from './instrument.commands';
import type { InstrumentEvent } from './instrument.events';
import type { InstrumentState } from './instrument.state';
import { isPublishedInstrumentId } from './published/published-instruments';

type InstrumentRule<Command> = (command: Command, state: InstrumentState, ctx: CommandContext) => Decision<InstrumentEvent>;

function requireInstrument(state: InstrumentState, instrumentId: string): Rejection | null {
  if (!state.exists || state.instrumentId !== instrumentId) {
    return reject('not-found', 'INSTRUMENT.NOT_FOUND', `Instrument ${instrumentId} does not exist in this tenant.`, { field: 'instrumentId' });
  }
  if (state.retiredAt !== null) {
    return reject('precondition', 'INSTRUMENT.RETIRED', `Instrument ${instrumentId} was retired on ${state.retiredAt}; define a new instrument instead.`, { field: 'instrumentId' });
  }
  return null;
}

export const defineInstrument: InstrumentRule<DefineInstrument> = (command, state, ctx) => {
  const { instrumentId } = command.data;
  if (!isSlug(instrumentId)) {
    return reject('invalid', 'INSTRUMENT.ID_INVALID', 'An instrument id is a lower-case slug such as team-energy.', { field: 'instrumentId' });
  }
  if (isPublishedInstrumentId(instrumentId)) {
    return reject('forbidden', 'INSTRUMENT.PUBLISHED_READ_ONLY', `${instrumentId} is a published instrument: it is read-only. Give your own instrument another id.`, {
      field: 'instrumentId',
    });
  }
  if (state.exists) return reject('conflict', 'INSTRUMENT.ALREADY_EXISTS', `Instrument ${instrumentId} already exists; revise it to make a new version.`, { field: 'instrumentId' });
  const definition = parseTenantInstrument(command.data.definition, { tenantId: ctx.tenantId, instrumentId, version: 1 });
  if (isRejection(definition)) return definition;
  return [{ type: 'InstrumentDefined', data: { instrumentId, definition, definedBy: ctx.actor.id, definedAt: at(ctx) } }];
};

export const reviseInstrument: InstrumentRule<ReviseInstrument> = (command, state, ctx) => {
  const id = requiredId(command.data.instrumentId, 'instrumentId', 'INSTRUMENT.ID_INVALID', 'the instrument id');
  if (isRejection(id)) return id;
  if (isPublishedInstrumentId(id)) {
    return reject('forbidden', 'INSTRUMENT.PUBLISHED_READ_ONLY', `${id} is a published instrument: it is read-only.`, { field: 'instrumentId' });
  }
  const missing = requireInstrument(state, id);
  if (missing) return missing;
  const previousVersion = state.versions.length;
  const definition = parseTenantInstrument(command.data.definition, { tenantId: ctx.tenantId, instrumentId: id, version: previousVersion + 1 });
  if (isRejection(definition)) return definition;
  const { version: _new, ...next } = definition;
  const { version: _old, ...last } = state.versions[previousVersion - 1]!;
  if (JSON.stringify(next) === JSON.stringify(last)) return [];
  return [
    { type: 'InstrumentRevised', data: { instrumentId: id, previousVersion, definition, revisedBy: ctx.actor.id, revisedAt: at(ctx), reason: ctx.reason?.trim() || null } },
  ];
};

export const retireInstrument: InstrumentRule<RetireInstrument> = (command, state, ctx) => {
  if (isPublishedInstrumentId(command.data.instrumentId)) {
    return reject('forbidden', 'INSTRUMENT.PUBLISHED_READ_ONLY', `${command.data.instrumentId} is a published instrument: it is read-only.`, { field: 'instrumentId' });
  }
  const missing = requireInstrument(state, command.data.instrumentId);
  if (missing) return missing;
  const reason = requiredReason(ctx.reason, 'INSTRUMENT.REASON_REQUIRED', 'retire an instrument');
  if (isRejection(reason)) return reason;
  return [
    {
      type: 'InstrumentRetired',
      data: { instrumentId: command.data.instrumentId, lastVersion: state.versions.length, retiredBy: ctx.actor.id, retiredAt: at(ctx), reason },
    },
  ];
};
