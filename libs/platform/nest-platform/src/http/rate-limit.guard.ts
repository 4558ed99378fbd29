import { Injectable, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem-details/problem';
import { clientAddressResolver } from './client-address';
import type { RateLimits } from './edge-options';

interface ThrottledRequest {
  readonly principal?: Principal;
  readonly socket?: { readonly remoteAddress?: string | undefined };
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
  readonly path?: string;
}

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ThrottledRequest>();
/** The global JwtAuthGuard runs first and leaves the verified principal on every route but the public ones. */
const isPublic = (context: ExecutionContext) => requestOf(context).principal === undefined;
const isDevTokenRoute = (context: ExecutionContext) => context.getHandler().name === 'issue' && context.getClass().name === 'DevTokenController';
/** One counter per tracker, whatever the route: a user's budget is spent on all of them together. */
const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

/**
 * Rate limits keyed on the verified principal — one budget per user and one per tenant over
 * all routes — and, for public routes (health, the development issuer), on the caller's
 * address per route (behind `TRUSTED_PROXIES`, the address the proxy saw). Counters live in this process's memory. Over a limit: 429 problem
 * details with Retry-After; the request goes no further.
 */
export function rateLimitModule(limits: RateLimits): DynamicModule {
  const ttl = limits.windowSeconds * 1000;
  const clientAddress = clientAddressResolver(limits.trustedProxies ?? []);
  return ThrottlerModule.forRoot({
    setHeaders: false,
    throttlers: [
      { name: 'user', ttl, limit: limits.perUser, skipIf: isPublic, getTracker: (request) => JSON.stringify([(request as ThrottledRequest).principal!.tenantId, (request as ThrottledRequest).principal!.userId]), generateKey: acrossRoutes },
      { name: 'tenant', ttl, limit: limits.perTenant, skipIf: isPublic, getTracker: (request) => (request as ThrottledRequest).principal!.tenantId, generateKey: acrossRoutes },
      {
        name: 'address',
        ttl,
        limit: (context) => (isDevTokenRoute(context) ? limits.devTokens : limits.perAddress),
        skipIf: (context) => !isPublic(context),
        getTracker: (request) => clientAddress((request as ThrottledRequest).socket?.remoteAddress, (request as ThrottledRequest).headers?.['x-forwarded-for']),
      },
    ],
  });
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Retry-After', String(retryAfter));
    throw ProblemException.of(429, 'RATE_LIMIT.EXCEEDED', `Too many requests; try again in ${retryAfter} s.`, { retryAfterSeconds: retryAfter });
  }
}
