import type { Rejection } from '@leerzone/kernel';
import { isRejection, isSealed, parseInstant, reject, requiredId } from '@leerzone/kernel';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import { DEFAULT_ANONYMITY_THRESHOLD, MAX_INSTRUMENTS_PER_ROUND, MAX_RESPONDENTS_PER_ROUND, MIN_ANONYMITY_THRESHOLD } from '../shared/assessment.constants';
import { at, requiredReason } from '../shared/context';
import type { AddRespondents, ChangeAnonymityThreshold, OpenRound } from './round.commands';
import type { RoundRule } from './round.guards';
import { parseIdList, parseThreshold, requireGroupReachesThreshold, requireOpen } from './round.guards';
import { roundKeySubject } from './round.model';

/** The definitions come resolved from the service; this guards what a round relies on: distinct instruments and distinct item ids. */
function checkInstruments(value: unknown): readonly InstrumentDefinition[] | Rejection {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INSTRUMENTS_PER_ROUND) {
    return reject('invalid', 'ROUND.INSTRUMENTS_INVALID', `A round asks 1 to ${MAX_INSTRUMENTS_PER_ROUND} instruments.`, { field: 'instruments' });
  }
  const definitions = value as InstrumentDefinition[];
  const itemIds = new Set<string>();
  for (const [i, definition] of definitions.entries()) {
    if (!Number.isInteger(definition?.version) || definition.version < 1 || !Array.isArray(definition.items) || definition.items.length === 0) {
      return reject('invalid', 'ROUND.INSTRUMENTS_INVALID', 'Each instrument must be a resolved definition with a version and items.', { field: `instruments[${i}]` });
    }
    if (definitions.findIndex((d) => d.instrumentId === definition.instrumentId) !== i) {
      return reject('invalid', 'ROUND.INSTRUMENT_TWICE', `${definition.instrumentId} is in the round twice.`, { field: `instruments[${i}]` });
    }
    for (const item of definition.items) {
      if (itemIds.has(item.itemId)) {
        return reject('invalid', 'ROUND.ITEM_IDS_CLASH', `Item id ${item.itemId} occurs in two instruments; answers could not say which one they mean.`, {
          field: `instruments[${i}]`,
        });
      }
      itemIds.add(item.itemId);
    }
  }
  return definitions;
}

export const openRound: RoundRule<OpenRound> = (command, state, ctx) => {
  if (state.exists) return reject('conflict', 'ROUND.ALREADY_EXISTS', `Round ${state.roundId} already exists.`, { field: 'roundId' });
  const d = command.data;
  const roundId = requiredId(d.roundId, 'roundId', 'ROUND.ID_INVALID', 'the round id');
  if (isRejection(roundId)) return roundId;
  const teamId = requiredId(d.teamId, 'teamId', 'ROUND.TEAM_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const instruments = checkInstruments(d.instruments);
  if (isRejection(instruments)) return instruments;
  const respondentIds = parseIdList(d.respondentIds, 'respondentIds', 'ROUND.RESPONDENTS_INVALID', 'respondent id', MAX_RESPONDENTS_PER_ROUND);
  if (isRejection(respondentIds)) return respondentIds;
  const threshold = parseThreshold(d.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD, 'anonymityThreshold');
  if (isRejection(threshold)) return threshold;
  const tooSmall = requireGroupReachesThreshold(respondentIds.length, threshold, 'respondentIds');
  if (tooSmall) return tooSmall;
  let closesAt: string | null = null;
  if (d.closesAt !== undefined) {
    const instant = parseInstant(d.closesAt);
    if (instant === null) return reject('invalid', 'ROUND.CLOSES_AT_INVALID', 'closesAt must be an ISO-8601 instant such as 2026-03-16T17:00:00Z.', { field: 'closesAt' });
    if (instant.getTime() <= ctx.now.getTime()) return reject('invalid', 'ROUND.CLOSES_AT_INVALID', 'closesAt must lie in the future.', { field: 'closesAt' });
    closesAt = instant.toISOString();
  }
  const previousRoundId = d.previousRoundId == null ? null : requiredId(d.previousRoundId, 'previousRoundId', 'ROUND.PREVIOUS_INVALID', 'the previous round id');
  if (isRejection(previousRoundId)) return previousRoundId;
  if (!isSealed(d.slotKey) || d.slotKey.$sealed.subject !== roundKeySubject(ctx.tenantId, roundId)) {
    return reject('invalid', 'ROUND.SLOT_KEY_INVALID', `The slot key must be sealed under the round's own vault subject ${roundKeySubject(ctx.tenantId, roundId)}, so that closing the round can destroy it.`, {
      field: 'slotKey',
    });
  }
  return [
    {
      type: 'RoundOpened',
      data: {
        roundId,
        teamId,
        instruments,
        respondentIds,
        anonymityThreshold: threshold,
        closesAt,
        previousRoundId,
        slotKey: d.slotKey,
        openedBy: ctx.actor.id,
        openedAt: at(ctx),
      },
    },
  ];
};

/** Raising is always allowed while open; lowering only while nobody has answered, because it would reveal results the respondents were promised would stay hidden. */
export const changeAnonymityThreshold: RoundRule<ChangeAnonymityThreshold> = (command, state, ctx) => {
  const missing = requireOpen(state, command.data.roundId);
  if (missing) return missing;
  const threshold = parseThreshold(command.data.threshold, MIN_ANONYMITY_THRESHOLD, 'threshold');
  if (isRejection(threshold)) return threshold;
  if (threshold === state.anonymityThreshold) return [];
  if (threshold < state.anonymityThreshold && (state.counted.size > 0 || state.slots.size > 0)) {
    return reject(
      'forbidden',
      'ROUND.THRESHOLD_LOCKED',
      `Answers already exist under a threshold of ${state.anonymityThreshold}; it can be raised but never lowered, because respondents answered on that promise.`,
      { field: 'threshold', details: { current: state.anonymityThreshold } },
    );
  }
  const tooSmall = requireGroupReachesThreshold(state.respondentIds.size, threshold, 'threshold');
  if (tooSmall) return tooSmall;
  const reason = requiredReason(ctx.reason, 'ROUND.REASON_REQUIRED', "change a round's anonymity threshold");
  if (isRejection(reason)) return reason;
  return [
    {
      type: 'AnonymityThresholdChanged',
      data: { roundId: command.data.roundId, previousThreshold: state.anonymityThreshold, threshold, changedBy: ctx.actor.id, changedAt: at(ctx), reason },
    },
  ];
};

/** The group only grows: an answer cannot be taken back from someone who leaves, since nobody can tell which one it is. */
export const addRespondents: RoundRule<AddRespondents> = (command, state, ctx) => {
  const missing = requireOpen(state, command.data.roundId);
  if (missing) return missing;
  const ids = parseIdList(command.data.memberIds, 'memberIds', 'ROUND.RESPONDENTS_INVALID', 'member id', MAX_RESPONDENTS_PER_ROUND);
  if (isRejection(ids)) return ids;
  const added = ids.filter((id) => !state.respondentIds.has(id));
  if (added.length === 0) return [];
  if (state.respondentIds.size + added.length > MAX_RESPONDENTS_PER_ROUND) {
    return reject('invalid', 'ROUND.RESPONDENTS_INVALID', `A round has at most ${MAX_RESPONDENTS_PER_ROUND} respondents.`, { field: 'memberIds' });
  }
  const reason = requiredReason(ctx.reason, 'ROUND.REASON_REQUIRED', "change a round's respondent group");
  if (isRejection(reason)) return reason;
  return [{ type: 'RespondentsAdded', data: { roundId: command.data.roundId, memberIds: added, addedBy: ctx.actor.id, addedAt: at(ctx), reason } }];
};
