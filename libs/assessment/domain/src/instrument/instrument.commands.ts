import type { InstrumentInput } from './instrument-definition.validation';

type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };

/** Commands on a tenant's own instrument (the tenant is ctx.tenantId). Published instruments have no stream and take no commands. */
export type DefineInstrument = Cmd<'DefineInstrument', { readonly instrumentId: string; readonly definition: InstrumentInput }>;
/** A new version; earlier versions stay as they were, for the rounds that used them. */
export type ReviseInstrument = Cmd<'ReviseInstrument', { readonly instrumentId: string; readonly definition: InstrumentInput }>;
/** No new round may use it; closed and open rounds keep their copy. Needs ctx.reason. */
export type RetireInstrument = Cmd<'RetireInstrument', { readonly instrumentId: string }>;

export type InstrumentCommand = DefineInstrument | ReviseInstrument | RetireInstrument;
