import type { Rejection, SealedValue } from '@leerzone/kernel';
import { isRejection, isSealed, reject } from '@leerzone/kernel';
import { LEERZONE_STANDARDS_ID } from '../instrument/published/leerzone-standards.instrument';
import { PSYCHOLOGICAL_SAFETY_ID } from '../instrument/published/psychological-safety.instrument';
import type { InstrumentResult } from '../scoring/score-instrument';
import { scoreInstrument } from '../scoring/score-instrument';
import type { Zone, ZoneThresholds } from '../scoring/zones';
import { parseZoneThresholds, placeInZone, ZONES } from '../scoring/zones';
import { at } from '../shared/context';
import { isShuffleSeed, seededShuffle } from '../shared/seeded-shuffle';
import type { AnswerSheet } from './answer-sheet';
import { parseAnswerSheet, responsesTo } from './answer-sheet';
import type { CloseRound } from './round.commands';
import type { RoundEvent } from './round.events';
import type { RoundRule } from './round.guards';
import { requireOpen } from './round.guards';
import { COMMENT_SUBJECT_PREFIX } from './round.model';
import type { ZonePlacement } from './round.model';
import type { RoundState } from './round.state';

/** Every stored answer, re-checked: what was sealed is what gets scored. */
function parseSheets(value: unknown, state: RoundState): AnswerSheet[] | Rejection {
  if (!Array.isArray(value) || value.length !== state.slots.size) {
    return reject(
      'precondition',
      'ROUND.ANSWERS_INCOMPLETE',
      `Closing needs every stored answer, opened with the round key: the round holds ${state.slots.size}, the command brought ${Array.isArray(value) ? value.length : 0}.`,
      { field: 'sheets' },
    );
  }
  const sheets: AnswerSheet[] = [];
  for (const [i, raw] of value.entries()) {
    const sheet = parseAnswerSheet(raw, state.instruments, `sheets[${i}]`);
    if (isRejection(sheet)) return sheet;
    sheets.push(sheet);
  }
  return sheets;
}

/** Re-sealed comments, each under a fresh subject of its own: never the round key (destroyed at close), never a person. */
function parseComments(value: unknown, state: RoundState, answers: number): SealedValue[] | Rejection {
  if (!Array.isArray(value) || value.length > answers) {
    return reject('invalid', 'ROUND.COMMENTS_INVALID', 'Comments are a list, at most one per answer.', { field: 'comments' });
  }
  const subjects = new Set<string>();
  for (const [i, comment] of value.entries()) {
    const subject = isSealed(comment) ? comment.$sealed.subject : null;
    if (subject === null || !subject.startsWith(COMMENT_SUBJECT_PREFIX) || subjects.has(subject) || state.respondentIds.has(subject)) {
      return reject('invalid', 'ROUND.COMMENTS_INVALID', `Each comment is sealed under a subject of its own, ${COMMENT_SUBJECT_PREFIX}<random id>.`, { field: `comments[${i}]` });
    }
    subjects.add(subject);
  }
  return value as SealedValue[];
}

/** The zone needs the safety scale's total and the standards scale's total; a round without both places nobody. */
function zoneOf(results: readonly InstrumentResult[], thresholds: ZoneThresholds): ZonePlacement | null {
  const safety = results.find((r) => r.instrumentId === PSYCHOLOGICAL_SAFETY_ID)?.total;
  const standards = results.find((r) => r.instrumentId === LEERZONE_STANDARDS_ID)?.total;
  if (!safety || !standards) return null;
  return {
    zone: placeInZone({ safety: safety.mean, standards: standards.mean }, thresholds),
    safety: safety.mean,
    standards: standards.mean,
    thresholds,
    lowAgreement: safety.lowAgreement || standards.lowAgreement,
  };
}

/**
 * Results only from the threshold up; below it the round closes with "not enough answers"
 * and no number at all, not even n. Comments likewise need the threshold of their own
 * count, and are shuffled with a seed that is never stored and dated at the close.
 */
export const closeRound: RoundRule<CloseRound> = (command, state, ctx) => {
  const missing = requireOpen(state, command.data.roundId);
  if (missing) return missing;
  const d = command.data;
  const thresholds = parseZoneThresholds(d.zoneThresholds);
  if (isRejection(thresholds)) return thresholds;
  if (d.previousZone !== null && !(ZONES as readonly unknown[]).includes(d.previousZone)) {
    return reject('invalid', 'ROUND.PREVIOUS_ZONE_INVALID', `The previous zone is one of ${ZONES.join(', ')}, or null.`, { field: 'previousZone' });
  }
  if (!isShuffleSeed(d.shuffleSeed)) return reject('invalid', 'ROUND.SHUFFLE_SEED_INVALID', 'The shuffle seed is a random whole number from 0 to 2^32 − 1.', { field: 'shuffleSeed' });
  const sheets = parseSheets(d.sheets, state);
  if (isRejection(sheets)) return sheets;
  const comments = parseComments(d.comments, state, sheets.length);
  if (isRejection(comments)) return comments;
  const base = { roundId: d.roundId, teamId: state.teamId!, closedBy: ctx.actor.id, closedAt: at(ctx) };
  if (sheets.length < state.anonymityThreshold) {
    return [{ type: 'RoundClosed', data: { ...base, outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null } }];
  }
  const results = state.instruments.map((definition) => scoreInstrument(definition, sheets.map((sheet) => responsesTo(sheet, definition.instrumentId))));
  const zone = zoneOf(results, thresholds);
  const published = comments.length >= state.anonymityThreshold;
  const events: RoundEvent[] = [
    {
      type: 'RoundClosed',
      data: { ...base, outcome: 'results', results, zone, comments: published ? seededShuffle(comments, d.shuffleSeed) : [], commentsDatedAt: published ? base.closedAt : null },
    },
  ];
  if (zone && zone.zone !== d.previousZone) events.push(zoneChanged(state, d.previousZone, zone, base.closedAt));
  return events;
};

const zoneChanged = (state: RoundState, from: Zone | null, zone: ZonePlacement, changedAt: string): RoundEvent => ({
  type: 'TeamZoneChanged',
  data: { teamId: state.teamId!, roundId: state.roundId!, from, to: zone.zone, safety: zone.safety, standards: zone.standards, thresholds: zone.thresholds, changedAt },
});
