import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { ProblemException } from '../problem-details/problem';
import { AUDIENCE, DEV_ISSUER, TokenService, principalFromClaims } from './token-verifier';

describe('TokenService (development issuer)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-auth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const codeOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  };

  it('issues tokens it verifies, and keeps its key across restarts', async () => {
    const keyFile = join(dir, 'key.json');
    const first = await TokenService.create({ devIssuer: { keyFile } });
    const token = await first.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['coach', 'member'] });
    const second = await TokenService.create({ devIssuer: { keyFile } });
    await expect(second.verify(`Bearer ${token}`)).resolves.toEqual({ tenantId: 'acme', userId: 'ada', roles: ['coach', 'member'] });
  });

  it('refuses missing, malformed, foreign and expired tokens with 401', async () => {
    const tokens = await TokenService.create({ devIssuer: { keyFile: join(dir, 'key.json') } });
    expect(await codeOf(tokens.verify(undefined))).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect(await codeOf(tokens.verify('Basic abc'))).toMatchObject({ status: 401 });
    const other = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ tid: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'ES256' }).setSubject('eve').setIssuer(DEV_ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(other.privateKey);
    expect(await codeOf(tokens.verify(`Bearer ${foreign}`))).toMatchObject({ status: 401 });
    const expired = await tokens.issueDevToken({ tenantId: 'acme', userId: 'ada', roles: ['member'] }, -10);
    expect((await codeOf(tokens.verify(`Bearer ${expired}`))).detail).toMatch(/exp/);
  });

  it('refuses tokens that name no tenant, no user or unknown roles', () => {
    expect(() => principalFromClaims({ sub: 'u', roles: [] })).toThrow(/tenant/);
    expect(() => principalFromClaims({ tid: 't', roles: [] })).toThrow(/user/);
    expect(() => principalFromClaims({ tid: 't', sub: 'u', roles: ['overlord'] })).toThrow(/roles/);
  });

  it('does not issue tokens when the development issuer is off', async () => {
    const tokens = await TokenService.create({});
    expect(tokens.issuesDevTokens).toBe(false);
    expect(await codeOf(tokens.issueDevToken({ tenantId: 't', userId: 'u', roles: ['member'] }))).toMatchObject({ code: 'AUTH.DEV_ISSUER_DISABLED' });
  });
});
