// Sign-in through the deployment's OpenID provider: the authorization code flow with PKCE
// (S256), `state` and `nonce` checked, discovery from `<issuer>/.well-known/openid-configuration`.
// A public client: no secret in the browser. WebCrypto only, no library.
//
// The API gets the provider's **access token**, a JWT for the API's audience (what Keycloak,
// Entra ID and Auth0 issue for an API); the edge verifies it (issuer, audience, signature by
// the JWKS, `tid`, `roles`). The ID token proves who signed in to this app: its `iss`, `aud`,
// `nonce` and `exp` are checked here. Its signature is not: it came straight from the token
// endpoint, not through the browser's address bar (OpenID Connect Core 3.1.3.7, step 6).
import type { Session } from './session';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** RFC 8707 `resource` for the API's access token, when the provider wants one (unset: the provider's default audience). */
  readonly resource: string | null;
}

export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
  readonly code_challenge_methods_supported?: readonly string[];
}

/** What the browser keeps between leaving for the provider and coming back (sessionStorage, one use). */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The route (`#/…`) the person was on. */
  readonly returnTo: string;
}

/** Why a sign-in was refused; the web app says each in words (`signIn.refused.<reason>`). */
export type OidcFailure = 'state' | 'provider' | 'discovery' | 'token' | 'id-token' | 'access-token';

export class OidcError extends Error {
  constructor(
    readonly reason: OidcFailure,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

export const PENDING_KEY = 'leerzone.oidc.pending';
/** Tolerance for the ID token's `exp` against this browser's clock. */
const CLOCK_SKEW_SECONDS = 60;

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(bytes = 32): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return base64url(buffer);
}

/** RFC 7636: the S256 code challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The claims of a JWT, unverified (the API verifies the access token; see above for the ID token). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)));
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function discoveryUrl(issuer: string): string {
  return `${trimSlash(issuer)}/.well-known/openid-configuration`;
}

/** The provider's metadata, checked: the issuer it names is the one configured, and it offers the code flow with S256. */
export function checkMetadata(settings: OidcSettings, value: unknown): ProviderMetadata {
  const metadata = value as Partial<ProviderMetadata> | null;
  if (!metadata || typeof metadata !== 'object') throw new OidcError('discovery', 'no metadata');
  if (metadata.issuer !== settings.issuer) throw new OidcError('discovery', `the provider calls itself ${String(metadata.issuer)}, not ${settings.issuer}`);
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string') throw new OidcError('discovery', 'no authorization or token endpoint');
  if (Array.isArray(metadata.code_challenge_methods_supported) && !metadata.code_challenge_methods_supported.includes('S256')) throw new OidcError('discovery', 'the provider does not offer PKCE with S256');
  return metadata as ProviderMetadata;
}

const discovered = new Map<string, Promise<ProviderMetadata>>();

export function discover(settings: OidcSettings): Promise<ProviderMetadata> {
  let metadata = discovered.get(settings.issuer);
  if (!metadata) {
    metadata = fetch(discoveryUrl(settings.issuer), { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new OidcError('discovery', `HTTP ${response.status}`))))
      .then((value: unknown) => checkMetadata(settings, value))
      .catch((error: unknown) => {
        discovered.delete(settings.issuer);
        throw error instanceof OidcError ? error : new OidcError('discovery', 'the provider cannot be reached');
      });
    discovered.set(settings.issuer, metadata);
  }
  return metadata;
}

/** The authorization request: code flow, PKCE S256, state and nonce. */
export function authorizationUrl(metadata: ProviderMetadata, settings: OidcSettings, pending: PendingSignIn, challenge: string): string {
  const url = new URL(metadata.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', pending.redirectUri);
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (settings.resource) url.searchParams.set('resource', settings.resource);
  return url.toString();
}

/** The address the provider sends the browser back to: the app's root (register exactly this). */
export const redirectUriFor = (origin: string) => `${origin}/`;

/** Leaves for the provider's sign-in. */
export async function beginSignIn(settings: OidcSettings, storage: Pick<Storage, 'setItem'>, location: Pick<Location, 'origin' | 'hash' | 'assign'>): Promise<void> {
  const metadata = await discover(settings);
  const pending: PendingSignIn = {
    state: randomToken(),
    nonce: randomToken(),
    verifier: randomToken(32),
    issuer: settings.issuer,
    clientId: settings.clientId,
    redirectUri: redirectUriFor(location.origin),
    returnTo: location.hash && location.hash !== '#/sign-in' ? location.hash : '#/teams',
  };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizationUrl(metadata, settings, pending, await codeChallenge(pending.verifier)));
}

/** Whether this address is the provider's answer to a sign-in (the query carries `state` with `code` or `error`). */
export function isAuthorizationResponse(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') || params.has('code') || params.has('error');
}

/** Takes the pending sign-in out of storage (it is used once, whatever happens next). */
export function takePending(storage: Pick<Storage, 'getItem' | 'removeItem'>): PendingSignIn | null {
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    const fields = [value.state, value.nonce, value.verifier, value.issuer, value.clientId, value.redirectUri, value.returnTo];
    return fields.every((f) => typeof f === 'string' && f.length > 0) ? (value as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/** The authorization response, checked against the sign-in this browser started: the code, or why there is none. */
export function checkAuthorizationResponse(search: string, pending: PendingSignIn | null): string {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  // Before anything else: an answer to a sign-in this tab did not start (or started another) is refused.
  if (!pending || !state || state !== pending.state) throw new OidcError('state');
  const error = params.get('error');
  if (error) throw new OidcError('provider', params.get('error_description') ?? error);
  const code = params.get('code');
  if (!code) throw new OidcError('provider', 'no code');
  // RFC 9207: a provider that names itself must name the issuer this sign-in went to.
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.issuer) throw new OidcError('provider', 'answer from another issuer');
  return code;
}

export interface TokenAnswer {
  readonly access_token?: unknown;
  readonly id_token?: unknown;
  readonly expires_in?: unknown;
  readonly token_type?: unknown;
}

/** The ID token's claims checked (issuer, audience, nonce, expiry) and the session from the access token's claims. */
export function sessionFromTokens(answer: TokenAnswer, pending: PendingSignIn, nowSeconds: number): Session {
  if (typeof answer.id_token !== 'string') throw new OidcError('id-token', 'missing');
  const id = jwtClaims(answer.id_token);
  if (!id) throw new OidcError('id-token', 'not a JWT');
  if (id['iss'] !== pending.issuer) throw new OidcError('id-token', 'issuer');
  const audiences = Array.isArray(id['aud']) ? id['aud'] : [id['aud']];
  if (!audiences.includes(pending.clientId)) throw new OidcError('id-token', 'audience');
  if (audiences.length > 1 && id['azp'] !== pending.clientId) throw new OidcError('id-token', 'authorized party');
  if (id['nonce'] !== pending.nonce) throw new OidcError('id-token', 'nonce');
  if (typeof id['exp'] !== 'number' || id['exp'] + CLOCK_SKEW_SECONDS < nowSeconds) throw new OidcError('id-token', 'expired');

  if (typeof answer.access_token !== 'string') throw new OidcError('access-token', 'missing');
  const access = jwtClaims(answer.access_token);
  // The edge checks JWTs only; an opaque token means the provider was not asked for the API's audience.
  if (!access) throw new OidcError('access-token', 'not a JWT');
  const tenantId = access['tid'];
  const roles = access['roles'];
  const userId = access['sub'];
  if (typeof tenantId !== 'string' || !tenantId) throw new OidcError('access-token', 'no tid');
  if (typeof userId !== 'string' || !userId) throw new OidcError('access-token', 'no sub');
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw new OidcError('access-token', 'no roles');
  const expiresIn = typeof answer.expires_in === 'number' ? nowSeconds + answer.expires_in : Infinity;
  const exp = typeof access['exp'] === 'number' ? access['exp'] : Infinity;
  const expiresAtSeconds = Math.min(expiresIn, exp);
  if (!Number.isFinite(expiresAtSeconds)) throw new OidcError('access-token', 'no expiry');
  return { token: answer.access_token, tenantId, userId, roles: roles as string[], method: 'oidc', expiresAt: expiresAtSeconds * 1000, idToken: answer.id_token };
}

/** Back from the provider: the code exchanged (with the PKCE verifier) for the tokens, the session made. */
export async function completeSignIn(settings: OidcSettings, search: string, storage: Pick<Storage, 'getItem' | 'removeItem'>): Promise<{ session: Session; returnTo: string }> {
  const pending = takePending(storage);
  const code = checkAuthorizationResponse(search, pending);
  if (pending!.issuer !== settings.issuer || pending!.clientId !== settings.clientId) throw new OidcError('state');
  const metadata = await discover(settings);
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending!.redirectUri, client_id: settings.clientId, code_verifier: pending!.verifier });
  if (settings.resource) body.set('resource', settings.resource);
  let response: Response;
  try {
    response = await fetch(metadata.token_endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body });
  } catch {
    throw new OidcError('token', 'the provider cannot be reached');
  }
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer & { error?: string };
  if (!response.ok) throw new OidcError('token', typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`);
  return { session: sessionFromTokens(answer, pending!, Math.floor(Date.now() / 1000)), returnTo: pending!.returnTo };
}

/** Where sign-out goes: the provider's end-session endpoint when it offers one (RP-initiated logout), else nowhere. */
export function endSessionUrl(metadata: ProviderMetadata, settings: OidcSettings, idToken: string | undefined, origin: string): string | null {
  if (!metadata.end_session_endpoint) return null;
  const url = new URL(metadata.end_session_endpoint);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUriFor(origin));
  return url.toString();
}
