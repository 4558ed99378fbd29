import { LeerzoneError } from '@leerzone/kernel';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { AuthOptions } from '../auth/token-verifier';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).optional(),
  EVENT_STORE_URL: z.string().trim().min(1).optional(),
  PROJECTION_STORE_URL: z.string().trim().min(1).optional(),
  AUTH_DEV_ISSUER: z.enum(['true', 'false']).default('false'),
  /** Processes that must accept each other's development tokens share one key file. */
  AUTH_DEV_KEY_FILE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
});

/** What a service process reads from its environment (the bus reads KAFKA_* itself). */
export interface ServiceEnvironment {
  readonly service: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** For `openEventStore`: `sqlite:<DATA_DIR>/events.db` unless EVENT_STORE_URL says otherwise. */
  readonly eventStoreUrl: string;
  /** For `openProjectionStore`: `memory:` (rebuilt at every start) unless PROJECTION_STORE_URL names a MongoDB. */
  readonly projectionStoreUrl: string;
  readonly auth: AuthOptions;
}

export class ServiceEnvironmentError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('CONFIG.INVALID', message, field);
  }
}

/**
 * Reads a service process's configuration. A bad value stops start-up with a message
 * naming the variable; so does a process that would accept no token at all.
 * `defaultPort` keeps services apart on one machine (governance 3001, analytics 3002, …).
 */
export function serviceEnvironment(service: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceEnvironment {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceEnvironmentError(String(issue.path[0]), `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR ?? join('data', service));
  if (e.AUTH_JWKS_URL && !e.AUTH_ISSUER) throw new ServiceEnvironmentError('AUTH_ISSUER', 'Invalid configuration: AUTH_ISSUER is required with AUTH_JWKS_URL.');
  const devIssuer = e.AUTH_DEV_ISSUER === 'true';
  if (!devIssuer && !e.AUTH_JWKS_URL) {
    throw new ServiceEnvironmentError('AUTH_JWKS_URL', 'Invalid configuration: no token would be accepted. Set AUTH_JWKS_URL and AUTH_ISSUER (identity provider), or AUTH_DEV_ISSUER=true (development only).');
  }
  return {
    service,
    port: e.PORT ?? defaultPort,
    host: e.HOST,
    dataDir,
    eventStoreUrl: e.EVENT_STORE_URL ?? `sqlite:${join(dataDir, 'events.db')}`,
    projectionStoreUrl: e.PROJECTION_STORE_URL ?? 'memory:',
    auth: {
      ...(devIssuer ? { devIssuer: { keyFile: resolve(e.AUTH_DEV_KEY_FILE ?? join(dataDir, 'dev-signing-key.json')) } } : {}),
      ...(e.AUTH_JWKS_URL ? { jwks: { url: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER!, ...(e.AUTH_AUDIENCE ? { audience: e.AUTH_AUDIENCE } : {}) } } : {}),
    },
  };
}
