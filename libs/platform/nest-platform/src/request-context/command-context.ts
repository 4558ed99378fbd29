import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@leerzone/kernel';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem-details/problem';

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

export interface RequestWithContext {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  requestId?: string;
  receivedAt?: Date;
}

const header = (request: RequestWithContext, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The envelope fields of the events a request causes: tenant and actor from the verified
 * token, correlation from `X-Correlation-Id` (or this request's id), causation = this
 * request, traceparent from the W3C header, reason from `X-Reason` (URI-encoded) unless the
 * body supplies one.
 */
export function commandContextOf(request: RequestWithContext, reason?: string): CommandContext {
  const principal = request.principal;
  if (!principal) throw ProblemException.of(401, 'AUTH.UNAUTHENTICATED', 'This needs a bearer token.');
  const requestId = request.requestId!;
  const correlationId = header(request, 'x-correlation-id');
  if (correlationId !== undefined && !CORRELATION.test(correlationId)) {
    throw ProblemException.of(400, 'REQUEST.INVALID_CORRELATION_ID', 'X-Correlation-Id is 1-100 letters, digits and . _ : -', { field: 'X-Correlation-Id' });
  }
  const traceparent = header(request, 'traceparent');
  const headerReason = header(request, 'x-reason');
  const why = reason ?? (headerReason !== undefined ? decodeReasonHeader(headerReason) : undefined);
  return {
    tenantId: principal.tenantId,
    actor: { id: principal.userId, kind: 'user' },
    correlationId: correlationId ?? requestId,
    causationId: requestId,
    now: request.receivedAt ?? new Date(),
    ...(traceparent !== undefined && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
    ...(why !== undefined && why.trim().length > 0 ? { reason: why.trim() } : {}),
  };
}

/** `@Command() ctx: CommandContext` in a controller. */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<RequestWithContext>()),
);

/** `X-Reason` is percent-encoded UTF-8 (headers are Latin-1); a malformed encoding is the caller's mistake, not ours. */
function decodeReasonHeader(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw ProblemException.of(400, 'REQUEST.INVALID_REASON_HEADER', 'X-Reason must be percent-encoded UTF-8 (encodeURIComponent of the text), e.g. Pilot%20team.', {
      field: 'X-Reason',
      errors: [{ field: 'X-Reason', message: 'Not valid percent-encoded UTF-8.', code: 'REQUEST.INVALID_REASON_HEADER' }],
    });
  }
}
