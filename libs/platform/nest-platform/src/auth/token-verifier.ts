import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, createRemoteJWKSet, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { ProblemException } from '../problem-details/problem';
import { ROLES, type Principal, type Role } from './principal';

export const DEV_ISSUER = 'urn:leerzone:development-issuer';
export const AUDIENCE = 'leerzone';
const ALG = 'ES256';

export interface AuthOptions {
  /** Issue and accept development tokens, signed with a key generated on first start. */
  readonly devIssuer?: { readonly keyFile: string };
  /** Accept tokens of a real identity provider. */
  readonly jwks?: { readonly url: string; readonly issuer: string; readonly audience?: string };
}

const unauthorized = (detail: string) => ProblemException.of(401, 'AUTH.UNAUTHENTICATED', detail);

/** Maps verified claims onto a principal; tokens without tenant or user are refused. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const tenantId = claims['tid'];
  const userId = claims.sub;
  const roles = claims['roles'];
  if (typeof tenantId !== 'string' || tenantId.length === 0) throw unauthorized('The token names no tenant (claim "tid").');
  if (typeof userId !== 'string' || userId.length === 0) throw unauthorized('The token names no user (claim "sub").');
  if (!Array.isArray(roles) || !roles.every((r): r is Role => (ROLES as readonly string[]).includes(r as string))) {
    throw unauthorized(`The token's roles must be a list of ${ROLES.join(', ')}.`);
  }
  return { tenantId, userId, roles };
}

/** Verifies bearer tokens and, in development, issues them. */
export class TokenService {
  private constructor(
    private readonly options: AuthOptions,
    private readonly devKey: { privateKey: KeyLike | Uint8Array; publicKey: KeyLike | Uint8Array } | undefined,
    private readonly remote: ReturnType<typeof createRemoteJWKSet> | undefined,
  ) {}

  static async create(options: AuthOptions): Promise<TokenService> {
    const devKey = options.devIssuer ? await loadOrCreateKey(options.devIssuer.keyFile) : undefined;
    const remote = options.jwks ? createRemoteJWKSet(new URL(options.jwks.url)) : undefined;
    return new TokenService(options, devKey, remote);
  }

  get issuesDevTokens(): boolean {
    return this.devKey !== undefined;
  }

  async issueDevToken(principal: Principal, ttlSeconds = 8 * 3600): Promise<string> {
    if (!this.devKey) throw ProblemException.of(404, 'AUTH.DEV_ISSUER_DISABLED', 'The development token issuer is not enabled here.');
    return new SignJWT({ tid: principal.tenantId, roles: [...principal.roles] })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devKey.privateKey);
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthorized('Send a bearer token: "Authorization: Bearer <jwt>".');
    const token = match[1]!;
    const failures: string[] = [];
    if (this.devKey) {
      try {
        const { payload } = await jwtVerify(token, this.devKey.publicKey, { issuer: DEV_ISSUER, audience: AUDIENCE, algorithms: [ALG] });
        return principalFromClaims(payload);
      } catch (error) {
        if (error instanceof ProblemException) throw error;
        failures.push((error as Error).message);
      }
    }
    if (this.remote && this.options.jwks) {
      try {
        const { payload } = await jwtVerify(token, this.remote, { issuer: this.options.jwks.issuer, audience: this.options.jwks.audience ?? AUDIENCE });
        return principalFromClaims(payload);
      } catch (error) {
        if (error instanceof ProblemException) throw error;
        failures.push((error as Error).message);
      }
    }
    throw unauthorized(`The bearer token is not valid here${failures.length ? `: ${failures.join('; ')}` : ''}.`);
  }
}

async function loadOrCreateKey(keyFile: string) {
  if (existsSync(keyFile)) {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    const { d: _d, ...publicJwk } = jwk;
    return { privateKey: await importJWK(jwk, ALG), publicKey: await importJWK(publicJwk, ALG) };
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(privateKey)), alg: ALG }), { mode: 0o600 });
  return { privateKey, publicKey };
}
