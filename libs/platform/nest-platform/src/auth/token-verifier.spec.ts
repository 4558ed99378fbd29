import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { ProblemException } from '../problem-details/problem';
import { AUDIENCE, DEV_ISSUER, MAX_CLOCK_SKEW_SECONDS, TokenService, principalFromClaims } from './token-verifier';

const now = () => Math.floor(Date.now() / 1000);

describe('TokenService (development issuer)', () => {
  let dir: string;
  let keyFile: string;
  let tokens: TokenService;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-auth-'));
    keyFile = join(dir, 'key.json');
    tokens = await TokenService.create({ devIssuer: { keyFile } });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  };
  const refusal = async (token: string) => (await problemOf(tokens.verify(`Bearer ${token}`))).reason;

  /** A token signed with the development issuer's own key, claims as given: what only a holder of the key file could make. */
  const signed = async (claims: JWTPayload, header: Record<string, unknown> = {}) => {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    return new SignJWT({ tid: 'acme', sub: 'ada', roles: ['admin'], iss: DEV_ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600, ...claims })
      .setProtectedHeader({ alg: 'ES256', ...header })
      .sign(await importJWK(jwk, 'ES256'));
  };

  it('issues tokens it verifies, and keeps its key across restarts', async () => {
    const token = await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['coach', 'member'] });
    const second = await TokenService.create({ devIssuer: { keyFile } });
    await expect(second.verify(`Bearer ${token}`)).resolves.toEqual({ tenantId: 'acme', userId: 'ada', roles: ['coach', 'member'] });
    await expect(second.verify(`bearer  ${token}`)).resolves.toMatchObject({ userId: 'ada' });
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expect(await problemOf(tokens.verify(undefined))).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED', reason: 'missing' });
    for (const header of ['Basic abc', 'Bearer', 'Bearer a.b', 'Bearer a.b.c.d', 'Bearer é.b.c', 'Bearer abc.def.ghi']) {
      expect(await problemOf(tokens.verify(header))).toMatchObject({ status: 401, reason: 'malformed' });
    }
  });

  it('refuses a token signed with another key (forged signature)', async () => {
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ tid: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'ES256' }).setSubject('eve').setIssuer(DEV_ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(other.privateKey);
    expect(await refusal(forged)).toBe('signature');
    // A valid token whose payload was swapped keeps its signature but not its meaning.
    const [header, , signature] = (await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['member'] })).split('.');
    const tampered = `${header}.${base64url.encode(JSON.stringify({ tid: 'acme', sub: 'ada', roles: ['admin'], iss: DEV_ISSUER, aud: AUDIENCE, exp: now() + 600 }))}.${signature}`;
    expect(await refusal(tampered)).toBe('signature');
  });

  it('refuses expired tokens and tokens without an expiry', async () => {
    expect(await refusal(await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['member'] }, -120))).toBe('expired');
    expect(await refusal(await signed({ exp: now() - 3600 }))).toBe('expired');
    expect(await refusal(await signed({ exp: undefined }))).toBe('no-expiry');
    expect(await refusal(await signed({ exp: 'tomorrow' as unknown as number }))).toBe('claims');
  });

  it('refuses tokens issued in the future or not valid yet, beyond the clock skew', async () => {
    expect(await refusal(await signed({ iat: now() + 3 * 365 * 24 * 3600 }))).toBe('issued-in-future');
    expect(await refusal(await signed({ iat: now() + 120 }))).toBe('issued-in-future');
    expect(await refusal(await signed({ nbf: now() + 120 }))).toBe('not-yet-valid');
    // Within the default skew of 60 s a slightly fast clock at the issuer is tolerated.
    await expect(tokens.verify(`Bearer ${await signed({ iat: now() + 30, nbf: now() + 30 })}`)).resolves.toMatchObject({ userId: 'ada' });
    await expect(tokens.verify(`Bearer ${await signed({ exp: now() - 30 })}`)).resolves.toMatchObject({ userId: 'ada' });
  });

  it('takes a configured clock skew, and refuses one above the cap', async () => {
    const strict = await TokenService.create({ devIssuer: { keyFile }, clockSkewSeconds: 0 });
    expect((await problemOf(strict.verify(`Bearer ${await signed({ exp: now() - 2 })}`))).reason).toBe('expired');
    await expect(TokenService.create({ devIssuer: { keyFile }, clockSkewSeconds: MAX_CLOCK_SKEW_SECONDS + 1 })).rejects.toThrow(/clock skew/);
    await expect(TokenService.create({ devIssuer: { keyFile }, clockSkewSeconds: -1 })).rejects.toThrow(/clock skew/);
  });

  it('refuses tokens older than the configured maximum age', async () => {
    const young = await TokenService.create({ devIssuer: { keyFile }, maxTokenAgeSeconds: 3600, clockSkewSeconds: 0 });
    expect((await problemOf(young.verify(`Bearer ${await signed({ iat: now() - 7200, exp: now() + 600 })}`))).reason).toBe('too-old');
    expect((await problemOf(young.verify(`Bearer ${await signed({ iat: undefined })}`))).reason).toBe('claims');
    await expect(young.verify(`Bearer ${await signed({ iat: now() - 60 })}`)).resolves.toMatchObject({ userId: 'ada' });
  });

  it('refuses other issuers and other audiences', async () => {
    expect(await refusal(await signed({ iss: 'https://evil.example/' }))).toBe('issuer');
    expect(await refusal(await signed({ iss: undefined }))).toBe('issuer');
    expect(await refusal(await signed({ aud: 'another-api' }))).toBe('audience');
  });

  it('refuses alg none and HS256 signed with the public key (algorithm confusion)', async () => {
    const claims = base64url.encode(JSON.stringify({ tid: 'acme', sub: 'eve', roles: ['admin'], iss: DEV_ISSUER, aud: AUDIENCE, exp: now() + 600 }));
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${claims}.`;
    expect(await refusal(none)).toBe('algorithm');
    const publicJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    delete publicJwk.d;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const confused = await new SignJWT({ tid: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('eve').setIssuer(DEV_ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(secret);
    expect(await refusal(confused)).toBe('algorithm');
    // RS256 is accepted in general, but not from the development issuer, whose key is ES256.
    const rsa = await generateKeyPair('RS256');
    const rs = await new SignJWT({ tid: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'RS256' }).setSubject('eve').setIssuer(DEV_ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(rsa.privateKey);
    expect(await refusal(rs)).toBe('algorithm');
    expect(await exportJWK(rsa.publicKey)).toHaveProperty('n');
  });

  it('never mints or accepts a token for a platform tenant', async () => {
    expect(await problemOf(tokens.issueDevToken({ tenantId: '_platform', userId: 'ada', roles: ['auditor'] }))).toMatchObject({ status: 403, code: 'AUTH.RESERVED_TENANT', field: 'tenantId' });
    expect(await refusal(await signed({ tid: '_platform' }))).toBe('reserved-tenant');
  });

  it('refuses tokens that name no tenant, no user or unknown roles', () => {
    expect(() => principalFromClaims({ sub: 'u', roles: [] })).toThrow(/tenant/);
    expect(() => principalFromClaims({ tid: 't', roles: [] })).toThrow(/user/);
    expect(() => principalFromClaims({ tid: 't', sub: 'u', roles: ['overlord'] })).toThrow(/roles/);
  });

  it('does not issue or accept development tokens when the development issuer is off', async () => {
    const token = await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['member'] });
    const off = await TokenService.create({});
    expect(off.issuesDevTokens).toBe(false);
    expect(await problemOf(off.issueDevToken({ tenantId: 't', userId: 'u', roles: ['member'] }))).toMatchObject({ code: 'AUTH.DEV_ISSUER_DISABLED' });
    expect((await problemOf(off.verify(`Bearer ${token}`))).reason).toBe('issuer');
  });

  it('says nothing of the verifying library in its answers', async () => {
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ tid: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'ES256' }).setSubject('eve').setIssuer(DEV_ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(other.privateKey);
    for (const token of [forged, await signed({ exp: undefined }), await signed({ aud: 'x' }), await signed({ nbf: 'soon' as unknown as number })]) {
      const { detail } = await problemOf(tokens.verify(`Bearer ${token}`));
      expect(detail).not.toMatch(/jose|JWS|JWT[A-Z]|ERR_|timestamp check|claim value/);
    }
  });
});
