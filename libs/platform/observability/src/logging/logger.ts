import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Keys whose values never reach a log line, at any of the first three levels of a logged
 * object. Event and command payloads (`data`) and free text (`reason`, answers, comments)
 * can hold personal data or survey answers; who did something belongs in the audit
 * trail, not in logs; credentials never belong anywhere.
 */
export const REDACTED_KEYS = [
  'data',
  'payload',
  'body',
  'answers',
  'answer',
  'responses',
  'surveyAnswers',
  'freeText',
  'comment',
  'comments',
  'notes',
  'reason',
  'actor',
  'userId',
  'email',
  'phone',
  'displayName',
  'fullName',
  'firstName',
  'lastName',
  'authorization',
  'cookie',
  'password',
  'token',
  'access_token',
  'secret',
  'privateKey',
] as const;

export const REDACTION_CENSOR = '[redacted]';

/** pino redact paths for `keys` at depth 0, 1 and 2 (pino's `*` matches one level). */
export function redactPaths(keys: readonly string[] = REDACTED_KEYS): string[] {
  const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
  return keys.flatMap((key) => [quoted(key), `*.${quoted(key)}`, `*.*.${quoted(key)}`].map((path) => path.replace('.[', '[')));
}

/** `trace_id`/`span_id` of the active span, so a log line can be found from its trace and back. */
export function traceFields(): Record<string, string> {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId, trace_flags: `0${spanContext.traceFlags.toString(16)}`.slice(-2) };
}

export interface LeerzoneLoggerOptions {
  /** `service.name` on every line. */
  readonly service: string;
  /** Default `LOG_LEVEL` or `info`. */
  readonly level?: string;
  /** Keys redacted in addition to `REDACTED_KEYS`. */
  readonly redactKeys?: readonly string[];
  /** Default stdout. */
  readonly destination?: DestinationStream;
}

/** Structured JSON logs (one object per line) with trace ids and the redaction list applied. */
export function createLogger(options: LeerzoneLoggerOptions): Logger {
  const config: LoggerOptions = {
    level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
    base: { 'service.name': options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceFields,
    redact: { paths: redactPaths([...REDACTED_KEYS, ...(options.redactKeys ?? [])]), censor: REDACTION_CENSOR },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
