import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  EVENT_STORE_URL: z.string().optional(),
  /** The development token issuer is on in standalone unless switched off. */
  AUTH_DEV_ISSUER: z.enum(['true', 'false']).default('true'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
});

export interface StandaloneConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStoreUrl: string;
  readonly devIssuer: boolean;
  readonly jwks?: { url: string; issuer: string; audience?: string };
}

/** Reads the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): StandaloneConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  if (e.AUTH_JWKS_URL && !e.AUTH_ISSUER) throw new Error('Invalid configuration: AUTH_ISSUER is required with AUTH_JWKS_URL.');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    eventStoreUrl: e.EVENT_STORE_URL ?? `sqlite:${resolve(dataDir, 'events.db')}`,
    devIssuer: e.AUTH_DEV_ISSUER === 'true',
    ...(e.AUTH_JWKS_URL ? { jwks: { url: e.AUTH_JWKS_URL, issuer: e.AUTH_ISSUER!, ...(e.AUTH_AUDIENCE ? { audience: e.AUTH_AUDIENCE } : {}) } } : {}),
  };
}
