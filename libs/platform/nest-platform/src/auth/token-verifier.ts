import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
  type JWTVerifyOptions,
  type KeyLike,
} from 'jose';
import { ProblemException } from '../problem-details/problem';
import { ROLES, type Principal, type Role } from './principal';

export const DEV_ISSUER = 'urn:leerzone:development-issuer';
export const AUDIENCE = 'leerzone';
const DEV_ALG = 'ES256';
/** Asymmetric algorithms only: `none` and HS* (a shared secret, or a public key misused as one) are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;
/** A larger tolerance would make `exp` and `nbf` meaningless. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const DEFAULT_DEV_TOKEN_TTL_SECONDS = 8 * 3600;

/** Tenants whose id starts with `_` belong to the platform (`_platform` holds the audit checkpoints); no token may act in one. */
export const isReservedTenant = (tenantId: string): boolean => tenantId.startsWith('_');

export interface AuthOptions {
  /** Issue and accept development tokens, signed with a key generated on first start. */
  readonly devIssuer?: {
    readonly keyFile: string;
    /** Issue tokens to callers that are not on this machine (default: loopback callers only). */
    readonly allowRemote?: boolean;
  };
  /** Accept tokens of a real identity provider, verified against its published keys (rotation by `kid`). */
  readonly jwks?: {
    readonly url: string;
    readonly issuer: string;
    readonly audience?: string;
    /** Least time between two fetches of the key set when a token names an unknown `kid` (default 30 s). */
    readonly cooldownSeconds?: number;
  };
  /** Tolerance for `exp`, `nbf` and `iat` against this machine's clock (default 60 s, at most 300 s). */
  readonly clockSkewSeconds?: number;
  /** Refuse tokens issued longer ago than this (then `iat` is required). Off unless set. */
  readonly maxTokenAgeSeconds?: number;
}

/** Why a token was refused: stable, for callers and for the security suite; never a library's message. */
export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'issuer'
  | 'audience'
  | 'signature'
  | 'unknown-key'
  | 'expired'
  | 'no-expiry'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'too-old'
  | 'claims'
  | 'reserved-tenant';

const refused = (reason: TokenRefusal, detail: string) => ProblemException.of(401, 'AUTH.UNAUTHENTICATED', detail, { reason });

/** Maps verified claims onto a principal; tokens without tenant or user, with unknown roles, or for a platform tenant are refused. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const tenantId = claims['tid'];
  const userId = claims.sub;
  const roles = claims['roles'];
  if (typeof tenantId !== 'string' || tenantId.length === 0) throw refused('claims', 'The token names no tenant (claim "tid").');
  if (isReservedTenant(tenantId)) throw refused('reserved-tenant', 'The token names a tenant reserved for the platform.');
  if (typeof userId !== 'string' || userId.length === 0) throw refused('claims', 'The token names no user (claim "sub").');
  if (!Array.isArray(roles) || !roles.every((r): r is Role => (ROLES as readonly string[]).includes(r as string))) {
    throw refused('claims', `The token's roles must be a list of ${ROLES.join(', ')}.`);
  }
  return { tenantId, userId, roles };
}

type VerificationKey = KeyLike | Uint8Array | ReturnType<typeof createRemoteJWKSet>;

/** Verifies bearer tokens and, in development, issues them. */
export class TokenService {
  private readonly skew: number;

  private constructor(
    private readonly options: AuthOptions,
    private readonly devKey: { privateKey: KeyLike | Uint8Array; publicKey: KeyLike | Uint8Array } | undefined,
    private readonly remote: ReturnType<typeof createRemoteJWKSet> | undefined,
  ) {
    this.skew = clockSkewOf(options.clockSkewSeconds);
  }

  static async create(options: AuthOptions): Promise<TokenService> {
    clockSkewOf(options.clockSkewSeconds);
    const devKey = options.devIssuer ? await loadOrCreateKey(options.devIssuer.keyFile) : undefined;
    const remote = options.jwks
      ? createRemoteJWKSet(new URL(options.jwks.url), { cooldownDuration: (options.jwks.cooldownSeconds ?? 30) * 1000, timeoutDuration: 5000 })
      : undefined;
    return new TokenService(options, devKey, remote);
  }

  get issuesDevTokens(): boolean {
    return this.devKey !== undefined;
  }

  /** Whether the development issuer answers callers that are not on this machine. */
  get devTokensForRemoteCallers(): boolean {
    return this.options.devIssuer?.allowRemote === true;
  }

  async issueDevToken(principal: Principal, ttlSeconds = DEFAULT_DEV_TOKEN_TTL_SECONDS): Promise<string> {
    if (!this.devKey) throw ProblemException.of(404, 'AUTH.DEV_ISSUER_DISABLED', 'The development token issuer is not enabled here.');
    if (isReservedTenant(principal.tenantId)) {
      throw ProblemException.of(403, 'AUTH.RESERVED_TENANT', 'Tenant ids starting with "_" are reserved for the platform; no token is issued for them.', {
        field: 'tenantId',
        errors: [{ field: 'tenantId', message: 'Reserved for the platform.', code: 'AUTH.RESERVED_TENANT' }],
      });
    }
    return new SignJWT({ tid: principal.tenantId, roles: [...principal.roles] })
      .setProtectedHeader({ alg: DEV_ALG, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devKey.privateKey);
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.length === 0) throw refused('missing', 'Send a bearer token: "Authorization: Bearer <jwt>".');
    const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization);
    if (!match) throw refused('malformed', 'Send a bearer token: "Authorization: Bearer <jwt>".');
    const token = match[1]!;
    const { alg, issuer } = this.peek(token);
    if (!(ACCEPTED_ALGORITHMS as readonly string[]).includes(alg)) throw refused('algorithm', `Tokens signed with ${ACCEPTED_ALGORITHMS.join(' or ')} are accepted here, not ${alg.slice(0, 20)}.`);
    if (this.devKey && issuer === DEV_ISSUER) return this.check(token, this.devKey.publicKey, { issuer: DEV_ISSUER, audience: AUDIENCE, algorithms: [DEV_ALG] });
    if (this.remote && this.options.jwks && issuer === this.options.jwks.issuer) {
      return this.check(token, this.remote, { issuer: this.options.jwks.issuer, audience: this.options.jwks.audience ?? AUDIENCE, algorithms: [...ACCEPTED_ALGORITHMS] });
    }
    throw refused('issuer', 'The token comes from an issuer this service does not accept.');
  }

  /** Header and issuer before any key is chosen; nothing read here is trusted until the signature verifies. */
  private peek(token: string): { alg: string; issuer: unknown } {
    try {
      const header = decodeProtectedHeader(token);
      const payload = decodeJwt(token);
      return { alg: typeof header.alg === 'string' ? header.alg : 'none', issuer: payload.iss };
    } catch {
      throw refused('malformed', 'The bearer token is not a well-formed JWT.');
    }
  }

  private async check(token: string, key: VerificationKey, options: JWTVerifyOptions): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const checks: JWTVerifyOptions = {
        ...options,
        clockTolerance: this.skew,
        requiredClaims: ['exp', 'sub'],
        ...(this.options.maxTokenAgeSeconds !== undefined ? { maxTokenAge: this.options.maxTokenAgeSeconds } : {}),
      };
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, checks) : await jwtVerify(token, key, checks));
    } catch (error) {
      throw refusalOf(error);
    }
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && payload.iat > now + this.skew) throw refused('issued-in-future', 'The token says it was issued in the future.');
    return principalFromClaims(payload);
  }
}

function clockSkewOf(seconds: number | undefined): number {
  const skew = seconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (!Number.isInteger(skew) || skew < 0 || skew > MAX_CLOCK_SKEW_SECONDS) {
    throw new RangeError(`The clock skew for tokens is 0-${MAX_CLOCK_SKEW_SECONDS} whole seconds, not ${String(seconds)}.`);
  }
  return skew;
}

/** jose's errors as stable refusals; an identity provider we cannot reach is our problem (503), not the caller's. */
function refusalOf(error: unknown): ProblemException {
  if (error instanceof ProblemException) return error;
  if (error instanceof joseErrors.JWTExpired) return error.claim === 'iat' ? refused('too-old', 'The token was issued too long ago.') : refused('expired', 'The token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'exp' && error.reason === 'missing') return refused('no-expiry', 'The token has no expiry (claim "exp"); only tokens that expire are accepted.');
    if (claim === 'nbf') return refused('not-yet-valid', 'The token is not valid yet (claim "nbf").');
    if (claim === 'iat' && error.reason === 'check_failed') return refused('issued-in-future', 'The token says it was issued in the future.');
    if (claim === 'iss') return refused('issuer', 'The token comes from an issuer this service does not accept.');
    if (claim === 'aud') return refused('audience', 'The token is meant for another audience.');
    return refused('claims', `The token's claim "${claim.slice(0, 20)}" is not valid here.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return refused('algorithm', `Tokens signed with ${ACCEPTED_ALGORITHMS.join(' or ')} are accepted here.`);
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys) return refused('unknown-key', 'The token is signed with a key its issuer does not publish.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return refused('signature', 'The token signature does not verify.');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || isNetworkError(error)) {
    return ProblemException.of(503, 'AUTH.ISSUER_UNAVAILABLE', 'The identity provider’s keys cannot be read right now; try again shortly.');
  }
  if (error instanceof joseErrors.JOSEError) return refused('malformed', 'The bearer token is not valid here.');
  return refused('malformed', 'The bearer token is not valid here.');
}

/** The key set could not be fetched at all (refused, reset, unresolvable, not JSON). */
const isNetworkError = (error: unknown): boolean => {
  // Duck-typed: errors of node's http client may come from another realm (instanceof Error fails under jest).
  if (typeof error !== 'object' || error === null || error instanceof joseErrors.JOSEError) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  return (typeof code === 'string' && /^(E[A-Z]+|UND_ERR)/.test(code)) || name === 'AggregateError' || name === 'SyntaxError' || (typeof message === 'string' && /fetch|socket/i.test(message));
};

async function loadOrCreateKey(keyFile: string) {
  if (existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    const { d: _d, ...publicJwk } = jwk;
    return { privateKey: await importJWK(jwk, DEV_ALG), publicKey: await importJWK(publicJwk, DEV_ALG) };
  }
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(privateKey)), alg: DEV_ALG }), { mode: 0o600 });
  return { privateKey, publicKey };
}
