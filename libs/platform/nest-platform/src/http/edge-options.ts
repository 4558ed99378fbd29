import { z } from 'zod';
import { ServiceEnvironmentError } from '../process/service-environment';
import { trustedProxyProblem, type TrustedProxies } from './client-address';

export interface RateLimits {
  /** The window every limit counts in. */
  readonly windowSeconds: number;
  /** Requests of one user (tenant + user id of the verified token) per window, over all routes. */
  readonly perUser: number;
  /** Requests of all users of one tenant per window. */
  readonly perTenant: number;
  /** Requests to one public route (health, the development issuer) from one address per window. */
  readonly perAddress: number;
  /** Development tokens issued to one address per window. */
  readonly devTokens: number;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the address limits count; none by default. */
  readonly trustedProxies?: TrustedProxies;
}

/** The HTTP edge's settings: which browser origins may call (none by default) and the rate limits. */
export interface EdgeOptions {
  readonly corsOrigins: readonly string[];
  readonly rateLimits: RateLimits;
}

/**
 * High enough that no honest client (nor the test suites, which create hundreds of teams a
 * minute as one user) meets them; low enough that one token cannot flood a tenant's
 * service or one address mint tokens without end.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { windowSeconds: 60, perUser: 3000, perTenant: 12000, perAddress: 1200, devTokens: 300, trustedProxies: [] };

const limit = z.coerce.number().int().min(1).max(1_000_000);
const Origin = z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin is scheme://host[:port], without path or trailing slash');

const Env = z.object({
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((o) => o.trim()).filter((o) => o.length > 0))
    .pipe(z.array(Origin)),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(DEFAULT_RATE_LIMITS.windowSeconds),
  RATE_LIMIT_PER_USER: limit.default(DEFAULT_RATE_LIMITS.perUser),
  RATE_LIMIT_PER_TENANT: limit.default(DEFAULT_RATE_LIMITS.perTenant),
  RATE_LIMIT_PER_ADDRESS: limit.default(DEFAULT_RATE_LIMITS.perAddress),
  RATE_LIMIT_DEV_TOKENS: limit.default(DEFAULT_RATE_LIMITS.devTokens),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((p) => p.trim()).filter((p) => p.length > 0))
    .superRefine((entries, context) => {
      for (const problem of entries.map(trustedProxyProblem)) if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
});

/** Reads CORS_ORIGINS, RATE_LIMIT_* and TRUSTED_PROXIES; a bad value stops start-up naming the variable. */
export function edgeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EdgeOptions {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceEnvironmentError(String(issue.path[0]), `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    corsOrigins: e.CORS_ORIGINS,
    rateLimits: { windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS, perUser: e.RATE_LIMIT_PER_USER, perTenant: e.RATE_LIMIT_PER_TENANT, perAddress: e.RATE_LIMIT_PER_ADDRESS,
      devTokens: e.RATE_LIMIT_DEV_TOKENS,
      trustedProxies: e.TRUSTED_PROXIES,
    },
  };
}
