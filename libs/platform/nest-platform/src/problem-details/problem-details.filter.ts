import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EventStoreError } from '@leerzone/kernel';
import { InvalidQueryError } from '@leerzone/projection-store';
import { ProblemException, problemType, titleFor, type ProblemDetails } from './problem';

/**
 * Renders every error as RFC 9457 problem details. Unknown errors become a 500 whose
 * body says nothing about internals; the cause goes to the log only.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { requestId?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.requestId;
    const problem = { ...this.toProblem(exception), instance: request.originalUrl.slice(0, 500), ...(requestId !== undefined ? { requestId } : {}) };
    if (problem.status >= 500) this.logger.error(`${requestId ?? '-'} ${exception instanceof Error ? exception.stack ?? exception.message : String(exception)}`);
    if (requestId !== undefined && !response.headersSent) response.setHeader('X-Request-Id', requestId);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof EventStoreError && exception.code === 'EVENT_STORE.CONCURRENCY_CONFLICT') {
      return ProblemException.of(409, 'STREAM.CONCURRENT_MODIFICATION', exception.message).problem;
    }
    // The store cannot write now (disk full, read-only, I/O): nothing was written; the caller may retry.
    if (exception instanceof EventStoreError && exception.code === 'EVENT_STORE.UNAVAILABLE') {
      return ProblemException.of(503, 'STORE.UNAVAILABLE', 'The event store cannot record this right now; nothing was written. Try again shortly.').problem;
    }
    // A query built from user input asked for something it may not (an operator, an unknown field).
    if (exception instanceof InvalidQueryError) {
      return ProblemException.of(400, exception.code, exception.message, { field: exception.field, errors: [{ field: exception.field, message: exception.message, code: exception.code }] }).problem;
    }
    const parserError = bodyParserProblem(exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // A 5xx of a library or of Nest says what went wrong inside; the caller learns only that it did.
      if (status >= 500) return { type: problemType('INTERNAL'), title: titleFor(status), status, detail: 'Something went wrong on our side; it has been logged.', code: status === 503 ? 'UNAVAILABLE' : 'INTERNAL' };
      const body = exception.getResponse();
      // Nest's own errors (unknown route, malformed JSON body, payload too large).
      const message = (typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : exception.message).slice(0, 300);
      const code = status === 404 ? 'HTTP.ROUTE_NOT_FOUND' : status === 400 ? 'HTTP.MALFORMED_REQUEST' : `HTTP.${status}`;
      return { type: problemType(code), title: titleFor(status), status, detail: message, code };
    }
    return { type: problemType('INTERNAL'), title: titleFor(500), status: 500, detail: 'Something went wrong on our side; it has been logged.', code: 'INTERNAL' };
  }
}

/**
 * Errors of the body parser (http-errors with `expose`): a body over the limit, an encoding
 * or charset we do not read, malformed JSON. They are the caller's, so they say what to do.
 */
function bodyParserProblem(exception: unknown): ProblemDetails | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { type, status, expose } = exception as { type?: unknown; status?: unknown; expose?: unknown };
  // The router's own (a path segment that is not valid percent-encoding): the caller's, said without echoing it.
  if (typeof type !== 'string' && typeof status === 'number' && status >= 400 && status < 500 && !(exception instanceof HttpException)) {
    const code = status === 400 ? 'HTTP.MALFORMED_REQUEST' : `HTTP.${status}`;
    return { type: problemType(code), title: titleFor(status), status, detail: 'The request could not be read.', code };
  }
  if (typeof type !== 'string' || typeof status !== 'number' || expose !== true) return null;
  const known: Record<string, [number, string, string]> = {
    'entity.too.large': [413, 'HTTP.PAYLOAD_TOO_LARGE', 'The request body is larger than this API accepts (1 MB).'],
    'entity.parse.failed': [400, 'HTTP.MALFORMED_REQUEST', 'The request body is not valid JSON.'],
    'encoding.invalid-utf8': [400, 'HTTP.MALFORMED_REQUEST', 'The request body is not valid UTF-8.'],
    'encoding.unsupported': [415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', 'The body uses a content encoding this API does not read; send it uncompressed or gzip/deflate.'],
    'charset.unsupported': [415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', 'The body uses a charset this API does not read; send UTF-8 JSON.'],
    'request.aborted': [400, 'HTTP.MALFORMED_REQUEST', 'The request body was cut off.'],
    'request.size.invalid': [400, 'HTTP.MALFORMED_REQUEST', 'The request body is shorter or longer than its Content-Length.'],
  };
  const [code, detail] = known[type] ? [known[type][1], known[type][2]] : [`HTTP.${status}`, 'The request could not be read.'];
  const finalStatus = known[type]?.[0] ?? status;
  return { type: problemType(code), title: titleFor(finalStatus), status: finalStatus, detail, code };
}
