import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@leerzone/kernel';
import { commandContextOf, ProblemException, type Principal, type RequestWithContext } from '@leerzone/nest-platform';
import { parseIfMatch, type ExpectedVersions } from './if-match';

/** What a command endpoint needs from the request besides its body and path. */
export interface WriteRequest {
  readonly principal: Principal;
  /** `If-Match`, parsed; undefined when the client sent none. */
  readonly ifMatch: ExpectedVersions | undefined;
  /** The envelope context; `reason` from the body wins over `X-Reason`. */
  context(reason?: string): CommandContext;
}

/** `@Write() write: WriteRequest` in a command controller. */
export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteRequest => {
  const request = ctx.switchToHttp().getRequest<RequestWithContext>();
  if (!request.principal) throw ProblemException.of(401, 'AUTH.UNAUTHENTICATED', 'This needs a bearer token.');
  const principal = request.principal;
  const ifMatch = parseIfMatch(request.headers['if-match']);
  return { principal, ifMatch, context: (reason) => commandContextOf(request, reason) };
});
