import type { Response } from 'express';
import type { DomainEvent } from '@leerzone/kernel';
import { ProblemException } from '@leerzone/nest-platform';
import type { CommandResult, WriteRequest } from '@leerzone/service-kit';

/**
 * A round's stream version counts its events, and so its participations and answers: the
 * kit's command answer (ETag, `version`, stream and global positions) and a failed
 * If-Match (`currentVersion`) would tell a coach how many have answered below the
 * threshold. Round commands therefore answer without any of them.
 */
export function roundCommandAnswer<Event extends DomainEvent, State, Body extends Record<string, unknown>>(response: Response, result: CommandResult<Event, State>, body: Body) {
  if (!result.settled) response.setHeader('X-Read-Models', 'pending');
  return { ...body, events: result.events.map((e) => ({ eventId: e.eventId, type: e.type, occurredAt: e.occurredAt })) };
}

export function refuseIfMatch(write: WriteRequest): void {
  if (write.ifMatch === undefined) return;
  throw ProblemException.of(400, 'ROUND.IF_MATCH_UNSUPPORTED', "A round's version would count its answers, so round commands take no If-Match; they are re-decided on the current state instead.", {
    field: 'If-Match',
    errors: [{ field: 'If-Match', message: 'Round commands take no If-Match.', code: 'ROUND.IF_MATCH_UNSUPPORTED' }],
  });
}
