import { HttpException } from '@nestjs/common';
import type { Rejection, RejectionCategory } from '@leerzone/kernel';

export interface FieldError {
  /** Path of the offending field, dotted (`members.0.userId`). */
  readonly field: string;
  readonly message: string;
  readonly code?: string;
}

/** RFC 9457 problem details, with Leerzone's stable `code` and field errors. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  /** The request's id (also the X-Request-Id header): quote it when asking about this answer. */
  readonly requestId?: string;
  readonly field?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://leerzone.dev/problems/';

const STATUS: Record<RejectionCategory, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  precondition: 422,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (code: string): string => `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** Throw from a controller or handler; the filter renders it as `application/problem+json`. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
    this.message = problem.detail;
  }

  static of(status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemException {
    return new ProblemException({ type: problemType(code), title: TITLE[status] ?? 'Error', status, detail, code, ...extra });
  }

  static fromRejection(rejection: Rejection): ProblemException {
    const status = STATUS[rejection.category];
    return ProblemException.of(status, rejection.code, rejection.message, {
      ...(rejection.field !== undefined ? { field: rejection.field, errors: [{ field: rejection.field, message: rejection.message, code: rejection.code }] } : {}),
      ...(rejection.details !== undefined ? { details: rejection.details } : {}),
    });
  }

  static notFound(code: string, detail: string): ProblemException {
    return ProblemException.of(404, code, detail);
  }
}

export const titleFor = (status: number): string => TITLE[status] ?? 'Error';
