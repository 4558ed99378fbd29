import type { SealedValue } from '@leerzone/kernel';

/**
 * Commands on one confidential case. `actorRoles` are the roles of the verified token,
 * filled in by the service, never taken from a request body: the decider needs them to
 * refuse everyone but the confidential-case officer.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnCase<Data = object> = { readonly caseId: string; readonly actorRoles: readonly string[] } & Data;

export type OpenConfidentialCase = Cmd<
  'OpenConfidentialCase',
  OnCase<{
    readonly boundary: string;
    readonly teamId?: string | null;
    /** Pseudonymous user id of the person whose behaviour is at issue. */
    readonly concernedPersonId: string;
    /** What happened, about that person: sealed under their subject. */
    readonly account: SealedValue;
  }>
>;
/** Sent by the service before it returns anything of the case; what was read goes in `purpose`. */
export type AccessConfidentialCase = Cmd<'AccessConfidentialCase', OnCase<{ readonly purpose: string }>>;
export type RecordCaseConsequence = Cmd<'RecordCaseConsequence', OnCase<{ readonly consequenceId: string; readonly kind: string; readonly description: SealedValue }>>;
/** The reason is ctx.reason. */
export type CloseConfidentialCase = Cmd<'CloseConfidentialCase', OnCase<{ readonly outcome: string }>>;

export type ConfidentialCaseCommand = OpenConfidentialCase | AccessConfidentialCase | RecordCaseConsequence | CloseConfidentialCase;
