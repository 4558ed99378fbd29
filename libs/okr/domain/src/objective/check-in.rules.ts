import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId } from '@leerzone/kernel';
import { elapsedFraction } from '../cycle/cycle.model';
import { at, optionalSealedText, sealedText } from '../shared/validation';
import { validateValue } from './measure.model';
import type { CheckInOnKeyResult, NewBlocker, ResolveBlocker } from './objective.commands';
import type { RaisedBlocker } from './objective.events';
import type { ObjectiveRule } from './objective.guards';
import { requireKeyResult, requireNotGraded, requireObjective, requireObjectiveInCycle } from './objective.guards';
import type { BlockerRemovableBy } from './objective.model';
import { BLOCKER_TEXT, CHECK_IN_COMMENT_TEXT, MAX_BLOCKERS_PER_CHECK_IN } from './objective.model';
import type { ObjectiveState } from './objective.state';
import { assessCheckIn, MAX_CONFIDENCE, MIN_CONFIDENCE, validateThresholds } from './progress';

export function parseRemovableBy(input: unknown, field: string): BlockerRemovableBy | null | Rejection {
  if (input === undefined || input === null) return null;
  const raw = (typeof input === 'object' ? input : {}) as Record<string, unknown>;
  if (raw['kind'] === 'coach' || raw['kind'] === 'unit-above') return { kind: raw['kind'] };
  if (raw['kind'] === 'team') {
    const teamId = requiredId(raw['teamId'], `${field}.teamId`, 'OKR.BLOCKER_INVALID', 'the team that could remove it');
    return isRejection(teamId) ? teamId : { kind: 'team', teamId };
  }
  return reject('invalid', 'OKR.BLOCKER_INVALID', 'Who could remove a blocker: another team ({ kind: "team", teamId }), the coach, or the unit above.', { field: `${field}.kind` });
}

function parseBlockers(state: ObjectiveState, input: readonly NewBlocker[] | undefined): readonly RaisedBlocker[] | Rejection {
  const blockers = input ?? [];
  if (!Array.isArray(blockers) || blockers.length > MAX_BLOCKERS_PER_CHECK_IN) {
    return reject('invalid', 'OKR.BLOCKER_INVALID', `Name at most ${MAX_BLOCKERS_PER_CHECK_IN} blockers in one check-in.`, { field: 'blockers' });
  }
  const raised: RaisedBlocker[] = [];
  for (const [index, b] of blockers.entries()) {
    const field = `blockers.${index}`;
    const blockerId = requiredId(b?.blockerId, `${field}.blockerId`, 'OKR.BLOCKER_INVALID', 'the blocker id');
    if (isRejection(blockerId)) return blockerId;
    if (state.blockers.has(blockerId) || raised.some((r) => r.blockerId === blockerId)) {
      return reject('conflict', 'OKR.BLOCKER_ALREADY_EXISTS', `Blocker ${blockerId} already exists; name it under stillBlockedBy instead.`, { field: `${field}.blockerId` });
    }
    const description = sealedText(b.description, { ...BLOCKER_TEXT, field: `${field}.description` });
    if (isRejection(description)) return description;
    const removableBy = parseRemovableBy(b.removableBy, `${field}.removableBy`);
    if (isRejection(removableBy)) return removableBy;
    raised.push({ blockerId, description, removableBy });
  }
  return raised;
}

function parseStillBlockedBy(state: ObjectiveState, keyResultId: string, input: readonly string[] | undefined): readonly string[] | Rejection {
  const ids = input ?? [];
  if (!Array.isArray(ids)) return reject('invalid', 'OKR.BLOCKER_INVALID', 'stillBlockedBy lists the ids of open blockers.', { field: 'stillBlockedBy' });
  for (const [index, id] of ids.entries()) {
    const blocker = typeof id === 'string' ? state.blockers.get(id) : undefined;
    if (!blocker || blocker.keyResultId !== keyResultId || blocker.resolvedAt !== null) {
      return reject('not-found', 'OKR.BLOCKER_NOT_FOUND', `${String(id)} is not an open blocker of key result ${keyResultId}.`, { field: `stillBlockedBy.${index}` });
    }
  }
  return [...new Set(ids)];
}

/**
 * Step 5: a check-in records the value, the team's confidence and where the expected line
 * stood, and derives the status from both. At risk means something stands in the way, so
 * an at-risk check-in must name at least one blocker: a new one or one still open.
 */
export const checkInOnKeyResult: ObjectiveRule<CheckInOnKeyResult> = (command, state, ctx) => {
  const d = command.data;
  const refused = requireObjective(state, d.objectiveId) ?? requireNotGraded(state, 'check in');
  if (refused) return refused;
  if (d.actorRelation !== 'member' && d.actorRelation !== 'coach') {
    return reject('forbidden', 'OKR.NOT_A_MEMBER', `Only a current member or the coach of ${state.owner!.id} may check in on its key results.`, { field: 'actorRelation' });
  }
  const notRunning = requireObjectiveInCycle(state, d, ['running'], 'check in');
  if (notRunning) return notRunning;
  if (state.committedAt === null) {
    return reject('precondition', 'OKR.OBJECTIVE_NOT_COMMITTED', `Objective ${d.objectiveId} is still a draft; commit it to the cycle with its key results before checking in.`, {
      field: 'objectiveId',
    });
  }
  const kr = requireKeyResult(state, d.keyResultId);
  if (isRejection(kr)) return kr;
  const checkInId = requiredId(d.checkInId, 'checkInId', 'OKR.CHECK_IN_ID_INVALID', 'the check-in id');
  if (isRejection(checkInId)) return checkInId;
  if (state.checkInIds.has(checkInId)) return reject('conflict', 'OKR.CHECK_IN_ALREADY_RECORDED', `Check-in ${checkInId} is already recorded.`, { field: 'checkInId' });
  const value = validateValue(kr.definition.measure, d.value, 'value');
  if (isRejection(value)) return value;
  if (typeof d.confidence !== 'number' || !Number.isInteger(d.confidence) || d.confidence < MIN_CONFIDENCE || d.confidence > MAX_CONFIDENCE) {
    return reject('invalid', 'OKR.CONFIDENCE_INVALID', `Confidence is a whole number from ${MIN_CONFIDENCE} (no chance) to ${MAX_CONFIDENCE} (certain).`, { field: 'confidence' });
  }
  const comment = optionalSealedText(d.comment, CHECK_IN_COMMENT_TEXT);
  if (isRejection(comment)) return comment;
  const thresholds = validateThresholds(d.thresholds);
  if (isRejection(thresholds)) return thresholds;
  const blockers = parseBlockers(state, d.blockers);
  if (isRejection(blockers)) return blockers;
  const stillBlockedBy = parseStillBlockedBy(state, kr.keyResultId, d.stillBlockedBy);
  if (isRejection(stillBlockedBy)) return stillBlockedBy;
  const elapsed = Math.round(elapsedFraction(d.cycle, ctx.now) * 1e6) / 1e6;
  const assessment = assessCheckIn(kr.definition.measure, value, d.confidence, elapsed, thresholds);
  if (assessment.status === 'at-risk' && blockers.length + stillBlockedBy.length === 0) {
    return reject('precondition', 'OKR.BLOCKER_REQUIRED', 'This check-in is at risk: name at least one blocker (what stands in the way, and who could remove it) so it can be removed.', {
      field: 'blockers',
      details: { attainment: assessment.attainment, confidence: d.confidence, thresholds },
    });
  }
  return [
    {
      type: 'KeyResultCheckedIn',
      data: {
        objectiveId: d.objectiveId,
        keyResultId: kr.keyResultId,
        checkInId,
        value,
        confidence: d.confidence,
        comment,
        status: assessment.status,
        elapsed,
        expectedValue: assessment.expectedValue,
        attainment: assessment.attainment,
        thresholds,
        blockers,
        stillBlockedBy,
        checkedInAs: d.actorRelation,
        checkedInBy: ctx.actor.id,
        checkedInAt: at(ctx),
      },
    },
  ];
};

export const resolveBlocker: ObjectiveRule<ResolveBlocker> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId);
  if (refused) return refused;
  const blocker = state.blockers.get(command.data.blockerId);
  if (!blocker) return reject('not-found', 'OKR.BLOCKER_NOT_FOUND', `Objective ${state.objectiveId} has no blocker ${command.data.blockerId}.`, { field: 'blockerId' });
  if (blocker.resolvedAt !== null) return [];
  return [
    { type: 'BlockerResolved', data: { objectiveId: command.data.objectiveId, keyResultId: blocker.keyResultId, blockerId: blocker.blockerId, resolvedBy: ctx.actor.id, resolvedAt: at(ctx) } },
  ];
};
