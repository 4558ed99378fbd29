import { authorizationUrl, checkAuthorizationResponse, checkMetadata, codeChallenge, endSessionUrl, isAuthorizationResponse, OidcError, PENDING_KEY, sessionFromTokens, takePending, type PendingSignIn } from './oidc';

const settings = { issuer: 'https://id.example/realms/acme', clientId: 'leerzone-web', scope: 'openid api', resource: 'urn:leerzone:api' };
const metadata = { issuer: settings.issuer, authorization_endpoint: 'https://id.example/auth', token_endpoint: 'https://id.example/token', end_session_endpoint: 'https://id.example/logout', code_challenge_methods_supported: ['S256'] };
const pending: PendingSignIn = { state: 'state-1', nonce: 'nonce-1', verifier: 'v'.repeat(43), issuer: settings.issuer, clientId: settings.clientId, redirectUri: 'https://app.example/', returnTo: '#/teams' };
const jwt = (claims: object) => `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const NOW = 1_800_000_000;
const idToken = (over: object = {}) => jwt({ iss: settings.issuer, aud: settings.clientId, nonce: 'nonce-1', exp: NOW + 300, sub: 'lena', ...over });
const accessToken = (over: object = {}) => jwt({ iss: settings.issuer, aud: 'leerzone', sub: 'lena', tid: 'acme', roles: ['coach'], exp: NOW + 600, ...over });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof OidcError ? `${error.reason}${error.detail ? `: ${error.detail}` : ''}` : `other: ${String(error)}`;
  }
  return 'accepted';
};

describe('sign-in through an OpenID provider', () => {
  it('derives the PKCE S256 challenge of RFC 7636’s example', async () => {
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('asks for a code with PKCE, state, nonce and the resource — never a secret', () => {
    const url = new URL(authorizationUrl(metadata, settings, pending, 'challenge-1'));
    expect(url.origin + url.pathname).toBe('https://id.example/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'leerzone-web',
      redirect_uri: 'https://app.example/',
      scope: 'openid api',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
      resource: 'urn:leerzone:api',
    });
    expect(new URL(authorizationUrl(metadata, { ...settings, resource: null }, pending, 'c')).searchParams.has('resource')).toBe(false);
  });

  it('refuses a provider that names another issuer or offers no S256', () => {
    expect(refusal(() => checkMetadata(settings, metadata))).toBe('accepted');
    expect(refusal(() => checkMetadata(settings, { ...metadata, issuer: 'https://evil.example' }))).toMatch(/^discovery: the provider calls itself https:\/\/evil.example/);
    expect(refusal(() => checkMetadata(settings, { ...metadata, code_challenge_methods_supported: ['plain'] }))).toBe('discovery: the provider does not offer PKCE with S256');
    expect(refusal(() => checkMetadata(settings, { issuer: settings.issuer }))).toBe('discovery: no authorization or token endpoint');
  });

  it('takes the code only from an answer to the sign-in this tab started', () => {
    expect(refusal(() => checkAuthorizationResponse('?code=c1&state=state-1', pending))).toBe('accepted');
    expect(checkAuthorizationResponse(`?code=c1&state=state-1&iss=${encodeURIComponent(settings.issuer)}`, pending)).toBe('c1');
    expect(refusal(() => checkAuthorizationResponse('?code=c1&state=state-2', pending))).toBe('state');
    expect(refusal(() => checkAuthorizationResponse('?code=c1', pending))).toBe('state');
    expect(refusal(() => checkAuthorizationResponse('?code=c1&state=state-1', null))).toBe('state');
    expect(refusal(() => checkAuthorizationResponse('?error=access_denied&error_description=no&state=state-1', pending))).toBe('provider: no');
    expect(refusal(() => checkAuthorizationResponse('?state=state-1', pending))).toBe('provider: no code');
    expect(refusal(() => checkAuthorizationResponse('?code=c1&state=state-1&iss=https://evil.example', pending))).toBe('provider: answer from another issuer');
    expect([isAuthorizationResponse('?code=1&state=2'), isAuthorizationResponse('?error=x'), isAuthorizationResponse(''), isAuthorizationResponse('?lang=nl')]).toEqual([true, true, false, false]);
  });

  it('uses the pending sign-in once', () => {
    const store = new Map([[PENDING_KEY, JSON.stringify(pending)]]);
    const storage = { getItem: (k: string) => store.get(k) ?? null, removeItem: (k: string) => void store.delete(k) };
    expect(takePending(storage)).toEqual(pending);
    expect(takePending(storage)).toBeNull();
    store.set(PENDING_KEY, JSON.stringify({ ...pending, verifier: '' }));
    expect(takePending(storage)).toBeNull();
  });

  it('checks the ID token (issuer, audience, nonce, expiry) and takes tenant, user and roles from the access token', () => {
    const session = sessionFromTokens({ id_token: idToken(), access_token: accessToken(), expires_in: 600 }, pending, NOW);
    expect(session).toEqual({ token: accessToken(), tenantId: 'acme', userId: 'lena', roles: ['coach'], method: 'oidc', expiresAt: (NOW + 600) * 1000, idToken: idToken() });
    // The earlier of the token's exp and expires_in.
    expect(sessionFromTokens({ id_token: idToken(), access_token: accessToken({ exp: NOW + 60 }), expires_in: 600 }, pending, NOW).expiresAt).toBe((NOW + 60) * 1000);
    const refused = (answer: object) => refusal(() => sessionFromTokens({ id_token: idToken(), access_token: accessToken(), expires_in: 600, ...answer }, pending, NOW));
    expect(refused({ id_token: idToken({ nonce: 'replayed' }) })).toBe('id-token: nonce');
    expect(refused({ id_token: idToken({ iss: 'https://evil.example' }) })).toBe('id-token: issuer');
    expect(refused({ id_token: idToken({ aud: 'another-app' }) })).toBe('id-token: audience');
    expect(refused({ id_token: idToken({ aud: ['leerzone-web', 'x'], azp: 'x' }) })).toBe('id-token: authorized party');
    expect(refused({ id_token: idToken({ exp: NOW - 3600 }) })).toBe('id-token: expired');
    expect(refused({ id_token: undefined })).toBe('id-token: missing');
    expect(refused({ access_token: 'opaque-token' })).toBe('access-token: not a JWT');
    expect(refused({ access_token: accessToken({ tid: undefined }) })).toBe('access-token: no tid');
    expect(refused({ access_token: accessToken({ roles: 'admin' }) })).toBe('access-token: no roles');
  });

  it('signs out at the provider’s end-session endpoint, back to the app', () => {
    const url = new URL(endSessionUrl(metadata, settings, 'id.token', 'https://app.example')!);
    expect(Object.fromEntries(url.searchParams)).toEqual({ id_token_hint: 'id.token', client_id: 'leerzone-web', post_logout_redirect_uri: 'https://app.example/' });
    expect(endSessionUrl({ ...metadata, end_session_endpoint: undefined }, settings, 'id.token', 'https://app.example')).toBeNull();
  });
});
