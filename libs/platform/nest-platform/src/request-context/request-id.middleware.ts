import { Injectable, type NestMiddleware } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { RequestWithContext } from './command-context';

/** A caller's own request id is kept when it is one of ours could be: 8-100 letters, digits and . _ : - */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,100}$/;

type Response = { setHeader(name: string, value: string): void };

/**
 * Stamps each request with an id and the time it arrived, and answers the id as
 * X-Request-Id — on every response, errors included, since it runs before any parser.
 * A well-formed incoming X-Request-Id is kept (a proxy's or a caller's), any other is replaced.
 * Running twice (the app's middleware and PlatformModule's) keeps the first stamp.
 */
export function stampRequest(request: RequestWithContext, response: Response, next: () => void): void {
  if (request.requestId === undefined) {
    const incoming = request.headers['x-request-id'];
    request.requestId = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : uuidv7();
    request.receivedAt = new Date();
    response.setHeader('X-Request-Id', request.requestId);
  }
  next();
}

@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: RequestWithContext, response: Response, next: () => void): void {
    stampRequest(request, response, next);
  }
}
