import { ProblemException } from '@leerzone/nest-platform';

/**
 * Optimistic concurrency over HTTP. Every aggregate is one stream; its ETag is the stream
 * version (`"7"` = seven events). A write sent with `If-Match` only happens while the stream
 * is still at one of the named versions (`*` = the resource exists); otherwise 412.
 */
export type ExpectedVersions = { readonly any: true } | { readonly any: false; readonly versions: readonly number[] };

const ENTITY_TAG = /^"(\d{1,15})"$/;

export function parseIfMatch(header: string | string[] | undefined): ExpectedVersions | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === '*') return { any: true };
  const versions: number[] = [];
  for (const part of value.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) {
      throw ProblemException.of(400, 'REQUEST.INVALID_IF_MATCH', 'If-Match takes the ETag of an earlier response, e.g. "7" (with the quotes), or *. Weak tags (W/) are not accepted for writes.', {
        field: 'If-Match',
        errors: [{ field: 'If-Match', message: `Not a strong entity tag: ${part.trim()}`, code: 'REQUEST.INVALID_IF_MATCH' }],
      });
    }
    versions.push(Number(match[1]));
  }
  return { any: false, versions };
}

export const etagOf = (version: number): string => `"${version}"`;

export const VERSION_MISMATCH = 'STREAM.VERSION_MISMATCH';

/** RFC 9110: a failed If-Match is 412 Precondition Failed. */
export const preconditionFailed = (detail: string, details?: Record<string, unknown>): ProblemException =>
  new ProblemException({
    type: 'https://leerzone.dev/problems/stream-version-mismatch',
    title: 'Precondition Failed',
    status: 412,
    detail,
    code: VERSION_MISMATCH,
    field: 'If-Match',
    errors: [{ field: 'If-Match', message: detail, code: VERSION_MISMATCH }],
    ...(details ? { details } : {}),
  });
