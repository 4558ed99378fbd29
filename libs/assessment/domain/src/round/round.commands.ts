import type { SealedValue } from '@leerzone/kernel';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { Zone } from '../scoring/zones';

/**
 * Commands on one round's stream. Fields marked "lookup" are facts the decider cannot
 * know itself; the application reads them (its read model of governance's teams, the
 * tenant's settings, the instrument streams, the vault) and passes them in.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnRound<Data = object> = { readonly roundId: string } & Data;

export type OpenRound = Cmd<
  'OpenRound',
  OnRound<{
    readonly teamId: string;
    /** Lookup: the resolved definitions (resolveInstrument), copied into the round. */
    readonly instruments: readonly InstrumentDefinition[];
    /** Lookup: the team's members at this moment, from the service's read model of governance's teams. */
    readonly respondentIds: readonly string[];
    /** Lookup: the tenant's threshold (AssessmentSettings); absent means DEFAULT_ANONYMITY_THRESHOLD. */
    readonly anonymityThreshold?: number;
    /** ISO instant after which no answer is taken; the service's scheduler closes the round then. */
    readonly closesAt?: string;
    /** Lookup: the team's last closed round, whose open actions this round shows. */
    readonly previousRoundId?: string | null;
    /** A random secret for the answer slots, sealed under roundKeySubject(roundId). */
    readonly slotKey: SealedValue;
  }>
>;
/** Needs ctx.reason. Never lower once answers exist. */
export type ChangeAnonymityThreshold = Cmd<'ChangeAnonymityThreshold', OnRound<{ readonly threshold: number }>>;
/** A member who joined the team while the round is open. Needs ctx.reason. */
export type AddRespondents = Cmd<'AddRespondents', OnRound<{ readonly memberIds: readonly string[] }>>;

/** "This person has answered": in person, by the respondent. */
export type RecordParticipation = Cmd<'RecordParticipation', OnRound<{ readonly respondentId: string }>>;
/**
 * The answer itself, sent by the application as a service actor (never the respondent), so
 * that no envelope carries a respondent id next to an answer. `answers` and `comment` are
 * the plain values, checked here and never stored; `sealed` is their SealedAnswerPayload
 * sealed under roundKeySubject(roundId). `slot` is HMAC(slot key, respondent id).
 */
export type RecordAnswer = Cmd<
  'RecordAnswer',
  OnRound<{ readonly slot: string; readonly answers: unknown; readonly comment?: unknown; readonly sealed: SealedValue }>
>;

export type CloseRound = Cmd<
  'CloseRound',
  OnRound<{
    /** Lookup: every stored answer, opened with the round key, in any order (AnswerSheet each). */
    readonly sheets: readonly unknown[];
    /** Lookup: the non-empty comments, each re-sealed under commentSubject(<fresh random id>). */
    readonly comments: readonly SealedValue[];
    /** A fresh random 32-bit seed for the comments' order. Never stored. */
    readonly shuffleSeed: number;
    /** Lookup: the team's zone before this round (from its last closed round with a placement), or null. */
    readonly previousZone: Zone | null;
    /** Lookup: the tenant's zone thresholds (AssessmentSettings). */
    readonly zoneThresholds: unknown;
  }>
>;

// Action after a round ("listen up")
export type ChooseFocusItems = Cmd<'ChooseFocusItems', OnRound<{ readonly items: readonly { readonly instrumentId: string; readonly itemId: string }[] }>>;
export type AgreeAction = Cmd<
  'AgreeAction',
  OnRound<{
    readonly actionId: string;
    readonly title: string;
    readonly ownerId: string;
    /** YYYY-MM-DD, today or later. */
    readonly dueOn: string;
    readonly focusItem?: { readonly instrumentId: string; readonly itemId: string } | null;
  }>
>;
export type CompleteAction = Cmd<'CompleteAction', OnRound<{ readonly actionId: string }>>;
/** Needs ctx.reason. */
export type DropAction = Cmd<'DropAction', OnRound<{ readonly actionId: string }>>;
/** A member says whether an action helped; in person; a later rating replaces the earlier one. */
export type RateActionHelpfulness = Cmd<'RateActionHelpfulness', OnRound<{ readonly actionId: string; readonly memberId: string; readonly helped: boolean }>>;

export type RoundCommand =
  | OpenRound
  | ChangeAnonymityThreshold
  | AddRespondents
  | RecordParticipation
  | RecordAnswer
  | CloseRound
  | ChooseFocusItems
  | AgreeAction
  | CompleteAction
  | DropAction
  | RateActionHelpfulness;
