import type { DomainEvent, SealedValue } from '@leerzone/kernel';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { InstrumentResult } from '../scoring/score-instrument';
import type { Zone, ZoneThresholds } from '../scoring/zones';
import type { FocusItem, RoundOutcome, ZonePlacement } from './round.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/** A round's events, version 1. Shapes never change in place: see the event catalogue. */
export type RoundOpened = Ev<
  'RoundOpened',
  {
    roundId: string;
    teamId: string;
    /** A copy of each instrument version the round uses. */
    instruments: readonly InstrumentDefinition[];
    /** The respondent group, frozen here. */
    respondentIds: readonly string[];
    anonymityThreshold: number;
    closesAt: string | null;
    previousRoundId: string | null;
    slotKey: SealedValue;
    openedBy: string;
    openedAt: string;
  }
>;
export type AnonymityThresholdChanged = Ev<
  'AnonymityThresholdChanged',
  { roundId: string; previousThreshold: number; threshold: number; changedBy: string; changedAt: string; reason: string }
>;
export type RespondentsAdded = Ev<'RespondentsAdded', { roundId: string; memberIds: readonly string[]; addedBy: string; addedAt: string; reason: string }>;
/** Participation only, for the count and for "each member once": no answer, no slot. */
export type RespondentCounted = Ev<'RespondentCounted', { roundId: string; respondentId: string; countedAt: string }>;
/**
 * An answer with no person: an opaque slot and the sealed payload. Deliberately without a
 * "by" and without a time of its own (the envelope's actor is the answer service).
 */
export type AnswerRecorded = Ev<'AnswerRecorded', { roundId: string; slot: string; sealed: SealedValue; replacesEarlier: boolean }>;
export type RoundClosed = Ev<
  'RoundClosed',
  {
    roundId: string;
    teamId: string;
    outcome: RoundOutcome;
    /** Null unless the outcome is results: below the threshold there are no numbers at all. */
    results: readonly InstrumentResult[] | null;
    zone: ZonePlacement | null;
    /** Shuffled; empty unless at least the threshold number of comments exist. */
    comments: readonly SealedValue[];
    /** Every comment is dated at the round's close, never at its arrival. */
    commentsDatedAt: string | null;
    closedBy: string;
    closedAt: string;
  }
>;
export type TeamZoneChanged = Ev<
  'TeamZoneChanged',
  { teamId: string; roundId: string; from: Zone | null; to: Zone; safety: number; standards: number; thresholds: ZoneThresholds; changedAt: string }
>;
export type FocusItemsChosen = Ev<'FocusItemsChosen', { roundId: string; items: readonly FocusItem[]; chosenBy: string; chosenAt: string }>;
export type ActionAgreed = Ev<
  'ActionAgreed',
  { roundId: string; actionId: string; title: string; ownerId: string; dueOn: string; focusItem: FocusItem | null; agreedBy: string; agreedAt: string }
>;
export type ActionCompleted = Ev<'ActionCompleted', { roundId: string; actionId: string; completedBy: string; completedAt: string }>;
export type ActionDropped = Ev<'ActionDropped', { roundId: string; actionId: string; droppedBy: string; droppedAt: string; reason: string }>;
export type ActionHelpfulnessRated = Ev<'ActionHelpfulnessRated', { roundId: string; actionId: string; memberId: string; helped: boolean; ratedAt: string }>;

export type RoundEvent =
  | RoundOpened
  | AnonymityThresholdChanged
  | RespondentsAdded
  | RespondentCounted
  | AnswerRecorded
  | RoundClosed
  | TeamZoneChanged
  | FocusItemsChosen
  | ActionAgreed
  | ActionCompleted
  | ActionDropped
  | ActionHelpfulnessRated;

export const ROUND_EVENT_TYPES: readonly RoundEvent['type'][] = [
  'RoundOpened',
  'AnonymityThresholdChanged',
  'RespondentsAdded',
  'RespondentCounted',
  'AnswerRecorded',
  'RoundClosed',
  'TeamZoneChanged',
  'FocusItemsChosen',
  'ActionAgreed',
  'ActionCompleted',
  'ActionDropped',
  'ActionHelpfulnessRated',
];
