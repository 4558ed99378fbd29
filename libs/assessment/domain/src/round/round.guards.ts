import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId } from '@leerzone/kernel';
import type { RoundEvent } from './round.events';
import type { RoundState } from './round.state';

export type RoundRule<Command> = (command: Command, state: RoundState, ctx: CommandContext) => Decision<RoundEvent>;

/** Every command but OpenRound needs the round; the command's roundId must be the stream's. */
export function requireRound(state: RoundState, roundId: string): Rejection | null {
  if (!state.exists || state.roundId !== roundId) return reject('not-found', 'ROUND.NOT_FOUND', `Round ${roundId} does not exist.`, { field: 'roundId' });
  return null;
}

/** Open, and still taking answers: a round past its closesAt takes none, even before the scheduler closed it. */
export function requireAnswering(state: RoundState, roundId: string, ctx: CommandContext): Rejection | null {
  const missing = requireRound(state, roundId);
  if (missing) return missing;
  if (state.status !== 'open') return reject('precondition', 'ROUND.CLOSED', `Round ${roundId} is closed; it takes no more answers.`, { field: 'roundId' });
  if (state.closesAt !== null && ctx.now.getTime() >= new Date(state.closesAt).getTime()) {
    return reject('precondition', 'ROUND.CLOSED', `Round ${roundId} stopped taking answers at ${state.closesAt}.`, { field: 'roundId' });
  }
  return null;
}

export function requireOpen(state: RoundState, roundId: string): Rejection | null {
  const missing = requireRound(state, roundId);
  if (missing) return missing;
  if (state.status !== 'open') return reject('conflict', 'ROUND.ALREADY_CLOSED', `Round ${roundId} is already closed.`, { field: 'roundId' });
  return null;
}

export function requireClosed(state: RoundState, roundId: string): Rejection | null {
  const missing = requireRound(state, roundId);
  if (missing) return missing;
  if (state.status !== 'closed') {
    return reject('precondition', 'ROUND.NOT_CLOSED', `Round ${roundId} is still open; actions follow once it has closed.`, { field: 'roundId' });
  }
  return null;
}

/** A list of distinct ids, in first-seen order. */
export function parseIdList(value: unknown, field: string, code: string, label: string, max: number): string[] | Rejection {
  if (!Array.isArray(value) || value.length === 0) return reject('invalid', code, `Give at least one ${label}.`, { field });
  const ids: string[] = [];
  for (const [i, raw] of value.entries()) {
    const id = requiredId(raw, `${field}[${i}]`, code, label);
    if (isRejection(id)) return id;
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length > max) return reject('invalid', code, `At most ${max} ${label}s.`, { field });
  return ids;
}

export function parseThreshold(value: unknown, minimum: number, field: string): number | Rejection {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return reject('invalid', 'ROUND.THRESHOLD_INVALID', 'The anonymity threshold is a whole number of respondents.', { field });
  }
  if (value < minimum) {
    return reject('invalid', 'ROUND.THRESHOLD_TOO_LOW', `The anonymity threshold is never below ${minimum}: with fewer answers one person's answer can be read off the results.`, {
      field,
      details: { minimum },
    });
  }
  return value;
}

export function requireGroupReachesThreshold(groupSize: number, threshold: number, field: string): Rejection | null {
  if (groupSize < threshold) {
    return reject(
      'precondition',
      'ROUND.GROUP_BELOW_THRESHOLD',
      `The respondent group has ${groupSize} people but results need at least ${threshold} answers, so the round could never show anything. Use a larger group or a lower threshold (not below the tenant's).`,
      { field, details: { groupSize, threshold } },
    );
  }
  return null;
}
