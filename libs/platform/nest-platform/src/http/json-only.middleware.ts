import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../problem-details/problem';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hasBody = (request: Request): boolean => {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
};

/**
 * Writes take JSON and nothing else: a form-encoded or text body is refused with 415 before
 * any parser or controller sees it, so it can never be read as something it is not.
 */
export function jsonBodiesOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!WRITES.has(request.method) || !hasBody(request)) return next();
  const type = request.headers['content-type'];
  if (type !== undefined && JSON_TYPE.test(type)) return next();
  next(
    ProblemException.of(415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', `This API reads JSON request bodies only; send Content-Type: application/json${type ? ` (got ${type.slice(0, 100)})` : ''}.`, {
      field: 'Content-Type',
      errors: [{ field: 'Content-Type', message: 'Expected application/json.', code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' }],
    }),
  );
}
