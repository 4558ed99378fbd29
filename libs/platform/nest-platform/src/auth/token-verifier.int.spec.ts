import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { ProblemException } from '../problem-details/problem';
import { TokenService } from './token-verifier';

const ISSUER = 'https://idp.example.test/';

interface IssuerKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

const keyOf = async (kid: string, alg: 'RS256' | 'ES256'): Promise<IssuerKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

/** An identity provider's JWKS endpoint on a real local HTTP server; `publish` changes the key set (rotation). */
class JwksServer {
  private keys: IssuerKey[] = [];
  fetches = 0;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<JwksServer> {
    const server = createServer();
    const self = new JwksServer(server);
    server.on('request', (_request, response) => {
      self.fetches += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: self.keys.map((k) => k.jwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  publish(...keys: IssuerKey[]): void {
    this.keys = keys;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const sign = (key: IssuerKey, claims: Record<string, unknown> = {}, kid: string = key.kid) =>
  new SignJWT({ tid: 'acme', roles: ['coach'], ...claims }).setProtectedHeader({ alg: key.alg, kid }).setSubject('ada').setIssuer(ISSUER).setAudience('leerzone-api').setIssuedAt().setExpirationTime('10m').sign(key.privateKey);

const reasonOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemException);
  return (error as ProblemException).problem;
};

describe('TokenService against an identity provider’s JWKS', () => {
  let idp: JwksServer;
  beforeEach(async () => {
    idp = await JwksServer.start();
  });
  afterEach(() => idp.close());

  const service = () => TokenService.create({ jwks: { url: idp.url, issuer: ISSUER, audience: 'leerzone-api', cooldownSeconds: 0 } });

  it('accepts RS256 and ES256 tokens of the published keys, for the configured audience only', async () => {
    const rsa = await keyOf('rsa-1', 'RS256');
    const ec = await keyOf('ec-1', 'ES256');
    idp.publish(rsa, ec);
    const tokens = await service();
    await expect(tokens.verify(`Bearer ${await sign(rsa)}`)).resolves.toEqual({ tenantId: 'acme', userId: 'ada', roles: ['coach'] });
    await expect(tokens.verify(`Bearer ${await sign(ec)}`)).resolves.toMatchObject({ userId: 'ada' });
    const otherAudience = await new SignJWT({ tid: 'acme', roles: ['coach'] }).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setSubject('ada').setIssuer(ISSUER).setAudience('leerzone').setExpirationTime('10m').sign(rsa.privateKey);
    expect((await reasonOf(tokens.verify(`Bearer ${otherAudience}`))).reason).toBe('audience');
  });

  it('follows a key rotation by kid: a new key is fetched when a token names it, a withdrawn key is refused', async () => {
    const first = await keyOf('2026-01', 'RS256');
    const second = await keyOf('2026-02', 'RS256');
    idp.publish(first);
    const tokens = await service();
    await expect(tokens.verify(`Bearer ${await sign(first)}`)).resolves.toMatchObject({ userId: 'ada' });
    expect((await reasonOf(tokens.verify(`Bearer ${await sign(second)}`))).reason).toBe('unknown-key');

    idp.publish(first, second);
    await expect(tokens.verify(`Bearer ${await sign(second)}`)).resolves.toMatchObject({ userId: 'ada' });

    idp.publish(second);
    // The cached set still holds the first key until a token names a kid it does not know.
    const unknown = await keyOf('never-published', 'RS256');
    expect((await reasonOf(tokens.verify(`Bearer ${await sign(unknown)}`))).reason).toBe('unknown-key');
    expect((await reasonOf(tokens.verify(`Bearer ${await sign(first)}`))).reason).toBe('unknown-key');
    await expect(tokens.verify(`Bearer ${await sign(second)}`)).resolves.toMatchObject({ userId: 'ada' });
  });

  it('refuses a token that claims a published kid but is signed with another key', async () => {
    const published = await keyOf('k1', 'ES256');
    const attacker = await keyOf('k1', 'ES256');
    idp.publish(published);
    const tokens = await service();
    expect((await reasonOf(tokens.verify(`Bearer ${await sign(attacker)}`))).reason).toBe('signature');
  });

  it('answers 503 without internals when the identity provider cannot be reached', async () => {
    const key = await keyOf('k1', 'RS256');
    idp.publish(key);
    const tokens = await service();
    await idp.close();
    const problem = await reasonOf(tokens.verify(`Bearer ${await sign(key)}`));
        expect(problem).toMatchObject({ status: 503, code: 'AUTH.ISSUER_UNAVAILABLE' });
    expect(problem.detail).not.toMatch(/127\.0\.0\.1|ECONN|fetch/);
    idp = await JwksServer.start();
  });
});
