import { z } from 'zod';
import { ServiceEnvironmentError } from '../process/service-environment';
import { MAX_CLOCK_SKEW_SECONDS, type AuthOptions } from './token-verifier';

const Env = z.object({
  NODE_ENV: z.string().optional(),
  AUTH_DEV_ISSUER: z.string().optional(),
  AUTH_DEV_ISSUER_ALLOW_REMOTE: z.enum(['true', 'false']).default('false'),
  AUTH_JWKS_URL: z.string().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(MAX_CLOCK_SKEW_SECONDS).optional(),
  AUTH_MAX_TOKEN_AGE_SECONDS: z.coerce.number().int().min(60).optional(),
  AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
});

/** What makes a process a production one: then the development issuer must not run. */
export function productionSettings(env: NodeJS.ProcessEnv): string[] {
  return [
    ...(env['NODE_ENV'] === 'production' ? ['NODE_ENV=production'] : []),
    ...(env['AUTH_ISSUER'] ? ['AUTH_ISSUER'] : []),
    ...(env['AUTH_JWKS_URL'] ? ['AUTH_JWKS_URL'] : []),
  ];
}

/**
 * The security rules of a process's token settings, on top of what `serviceEnvironment`
 * read: the clock skew, the maximum token age, whether the development issuer answers
 * other machines — and the refusal to start the development issuer in production
 * (`NODE_ENV=production`, or an identity provider configured), where anyone able to reach
 * it could mint any role.
 */
export function secureAuthOptions(auth: AuthOptions, env: NodeJS.ProcessEnv): AuthOptions {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceEnvironmentError(String(issue.path[0]), `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const production = productionSettings(env);
  if (auth.devIssuer && production.length > 0) {
    throw new ServiceEnvironmentError(
      'AUTH_DEV_ISSUER',
      `Refusing to start: the development token issuer (AUTH_DEV_ISSUER=true) lets anyone mint any role, and this is a production setting (${production.join(', ')}). Set AUTH_DEV_ISSUER=false and accept your identity provider's tokens (AUTH_JWKS_URL, AUTH_ISSUER).`,
    );
  }
  return {
    ...auth,
    ...(auth.devIssuer ? { devIssuer: { ...auth.devIssuer, allowRemote: e.AUTH_DEV_ISSUER_ALLOW_REMOTE === 'true' } } : {}),
    ...(auth.jwks && e.AUTH_JWKS_COOLDOWN_SECONDS !== undefined ? { jwks: { ...auth.jwks, cooldownSeconds: e.AUTH_JWKS_COOLDOWN_SECONDS } } : {}),
    ...(e.AUTH_CLOCK_SKEW_SECONDS !== undefined ? { clockSkewSeconds: e.AUTH_CLOCK_SKEW_SECONDS } : {}),
    ...(e.AUTH_MAX_TOKEN_AGE_SECONDS !== undefined ? { maxTokenAgeSeconds: e.AUTH_MAX_TOKEN_AGE_SECONDS } : {}),
  };
}
