import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import { httpServerRequestDuration, secondsSince } from '../metrics/instruments';
import { contextFromTraceparent, leerzoneTracer, traceparentFromHeaders } from './trace-context';

/** The parts of an Express request and response the middleware reads. */
interface HttpRequest {
  readonly method: string;
  readonly originalUrl?: string;
  readonly url: string;
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
  readonly headers: Record<string, string | string[] | undefined>;
  readonly httpVersion?: string;
  readonly protocol?: string;
  readonly socket?: { readonly localPort?: number };
}
interface HttpResponse {
  readonly statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

export interface HttpServerSpanOptions {
  /** Requests whose path matches get neither a span nor a duration (default: the health probes). */
  readonly ignore?: (path: string) => boolean;
}

const defaultIgnore = (path: string) => path === '/health/live' || path === '/health/ready';

/**
 * Express middleware: one SERVER span per request (HTTP semantic conventions), parented
 * on the caller's `traceparent`, active while the request is handled so command and
 * append spans become its children; and the `http.server.request.duration` histogram,
 * whose count by `http.response.status_code` is the error rate. The client's address is
 * left out on purpose: an IP address is personal data. Register it before any
 * other middleware so the whole request is inside the span.
 */
export function httpServerSpans(options: HttpServerSpanOptions = {}) {
  const ignore = options.ignore ?? defaultIgnore;
  return (request: HttpRequest, response: HttpResponse, next: () => void): void => {
    const path = (request.originalUrl ?? request.url).split('?')[0] ?? '/';
    if (ignore(path)) return next();
    const method = KNOWN_METHODS.has(request.method) ? request.method : '_OTHER';
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const host = header('host');
    const parent = contextFromTraceparent(traceparentFromHeaders(request.headers), context.active());
    const span = leerzoneTracer().startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_URL_PATH]: path,
          [ATTR_URL_SCHEME]: request.protocol ?? 'http',
          ...(host ? { [ATTR_SERVER_ADDRESS]: host.replace(/:\d+$/, '') } : {}),
          ...(request.socket?.localPort ? { [ATTR_SERVER_PORT]: request.socket.localPort } : {}),
          ...(request.httpVersion ? { [ATTR_NETWORK_PROTOCOL_VERSION]: request.httpVersion } : {}),
          ...(header('user-agent') ? { [ATTR_USER_AGENT_ORIGINAL]: header('user-agent')! } : {}),
        },
      },
      parent,
    );
    const start = performance.now();
    let ended = false;
    const end = (aborted: boolean) => {
      if (ended) return;
      ended = true;
      // The route template is known only after routing: low-cardinality name and attribute.
      const route = typeof request.route?.path === 'string' ? `${request.baseUrl ?? ''}${request.route.path}` : undefined;
      const status = response.statusCode;
      if (route) {
        span.updateName(`${method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      const errorType = aborted ? 'aborted' : status >= 500 ? String(status) : undefined;
      if (errorType) {
        span.setAttribute(ATTR_ERROR_TYPE, errorType);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      httpServerRequestDuration.record(secondsSince(start), {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: status,
        [ATTR_URL_SCHEME]: request.protocol ?? 'http',
        ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        ...(errorType ? { [ATTR_ERROR_TYPE]: errorType } : {}),
      });
    };
    response.once('finish', () => end(false));
    response.once('close', () => end(true));
    context.with(trace.setSpan(parent, span), next);
  };
}
