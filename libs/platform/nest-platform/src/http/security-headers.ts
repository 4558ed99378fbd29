import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type Middleware = (request: Request, response: Response, next: NextFunction) => void;

/**
 * helmet's headers on every answer. The API answers JSON only, so its policy allows nothing
 * at all (`default-src 'none'`, no framing); the Swagger UI under /docs loads its own
 * scripts and styles and gets helmet's default policy instead.
 */
export function securityHeaders(): Middleware {
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const docs = helmet({ referrerPolicy: { policy: 'no-referrer' } });
  return (request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    (request.path === '/docs' || request.path.startsWith('/docs/') || request.path.startsWith('/docs-') ? docs : api)(request, response, next);
  };
}

/**
 * The web app's pages (static files served at `/` by standalone): scripts, styles, images,
 * fonts and API calls from its own origin only — no inline script, no eval, no framing. The
 * API's own policy above stays `default-src 'none'`.
 */
export function webAppSecurityHeaders(options: { readonly connectSrc?: readonly string[] } = {}): Middleware {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // The web app's own API, plus the origins it must reach itself (the OpenID provider's discovery and token endpoints).
        connectSrc: ["'self'", ...(options.connectSrc ?? [])],
        manifestSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Closed unless origins are listed: a browser on any other origin gets no
 * Access-Control-Allow-Origin and cannot read an answer. Bearer tokens travel in a header,
 * not a cookie, so credentials are never allowed.
 */
export function corsPolicy(origins: readonly string[]): CorsOptions {
  return {
    origin: origins.length === 0 ? false : [...origins],
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Correlation-Id', 'X-Reason', 'X-Request-Id', 'traceparent'],
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'],
    maxAge: 600,
  };
}
