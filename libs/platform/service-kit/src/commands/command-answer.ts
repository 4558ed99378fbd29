import type { Response } from 'express';
import type { DomainEvent } from '@leerzone/kernel';
import { etagOf } from './if-match';
import { summarise, type CommandResult } from './service-commands';

/**
 * The body every command answers with: what it was about, the stream's new version (also
 * the `ETag`, for the next `If-Match`) and the events it recorded (none when the command
 * changed nothing, e.g. saying yes twice).
 */
export function commandAnswer<Event extends DomainEvent, State, Body extends Record<string, unknown>>(
  response: Response,
  result: CommandResult<Event, State>,
  body: Body,
): Body & { version: number; events: ReturnType<typeof summarise> } {
  response.setHeader('ETag', etagOf(result.version));
  if (!result.settled) response.setHeader('X-Read-Models', 'pending');
  return { ...body, version: result.version, events: summarise(result.events) };
}
