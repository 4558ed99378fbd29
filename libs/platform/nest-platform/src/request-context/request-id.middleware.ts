import { Injectable, type NestMiddleware } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { RequestWithContext } from './command-context';

/** Stamps each request with an id (returned as X-Request-Id) and the time it arrived. */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(request: RequestWithContext, response: { setHeader(name: string, value: string): void }, next: () => void): void {
    request.requestId = uuidv7();
    request.receivedAt = new Date();
    response.setHeader('X-Request-Id', request.requestId);
    next();
  }
}
