import { SignJWT, base64url, exportSPKI, generateKeyPair, importJWK, type KeyLike } from 'jose';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { pool, send } from '../http';
import { fill, type ServerUnderTest, type Target } from '../target';

const FAKE_ID = '01900000-0000-7000-8000-00000000abcd';
const now = () => Math.floor(Date.now() / 1000);

/** Makes the Authorization header values of one attack class against one server. */
type Forge = (server: ServerUnderTest) => Promise<string[]>;

/** Sends each header value to every non-public route of the server; anything but 401 got through. */
async function againstEveryRoute(target: Target, forge: Forge): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (const server of [target.dev, target.idp]) {
    await controlAccepted(server);
    const headers = await forge(server);
    const routes = target.routes.filter((r) => !r.isPublic);
    const jobs = routes.flatMap((route) => headers.map((authorization) => ({ route, authorization })));
    attempts.push(
      ...(await pool(jobs, 8, async ({ route, authorization }) => {
        const path = fill(route.path, () => FAKE_ID);
        const answer = await send(server.url, route.method, path, {
          headers: { ...(authorization ? { authorization } : {}), ...(route.hasBody ? { 'content-type': 'application/json' } : {}) },
          ...(route.hasBody ? { body: '{}' } : {}),
        });
        return { label: `${server.issuer} ${route.method} ${route.path} with ${authorization.slice(0, 40)}…`, gotThrough: answer.status !== 401, answer: answerOf(answer.status, answer.text) };
      })),
    );
  }
  return attempts;
}

/** The control: a valid token of the server's issuer is accepted, so a 401 below is the verifier's judgement and not a broken harness. */
async function controlAccepted(server: ServerUnderTest): Promise<void> {
  const answer = await send(server.url, 'GET', '/api/governance/teams', { headers: { authorization: `Bearer ${await server.token()}` } });
  if (answer.status !== 200) throw new Error(`control: a valid token of ${server.issuer} was refused: ${answerOf(answer.status, answer.text)}`);
}

const bearer = (token: string) => `Bearer ${token}`;

/** Signed by a key the issuer never published, with the issuer's kid where it has one. */
const forgedSignature: Forge = async (server) => {
  const alg = server.publicJwk.kty === 'RSA' ? 'RS256' : 'ES256';
  const { privateKey } = await generateKeyPair(alg);
  const claims = { sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: server.issuer, aud: server.audience, iat: now(), exp: now() + 600 };
  const forged = await new SignJWT(claims).setProtectedHeader({ alg, ...(server.publicJwk.kid ? { kid: server.publicJwk.kid } : {}) }).sign(privateKey);
  // A genuine token with its payload swapped for one with more roles and another tenant.
  const [header, , signature] = (await server.token({ roles: ['member'] })).split('.');
  const swapped = `${header}.${base64url.encode(JSON.stringify({ ...claims, tid: 'victim-corp' }))}.${signature}`;
  return [bearer(forged), bearer(swapped)];
};

/** HS256 with the issuer's public key as the shared secret: the classic algorithm confusion. */
const algorithmConfusion: Forge = async (server) => {
  const claims = { sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: server.issuer, aud: server.audience, iat: now(), exp: now() + 600 };
  const publicKey = (await importJWK(server.publicJwk, server.publicJwk.kty === 'RSA' ? 'RS256' : 'ES256')) as KeyLike;
  const secrets = [new TextEncoder().encode(JSON.stringify(server.publicJwk)), new TextEncoder().encode(await exportSPKI(publicKey))];
  const tokens: string[] = [];
  for (const secret of secrets) {
    for (const alg of ['HS256', 'HS384', 'HS512']) tokens.push(await new SignJWT(claims).setProtectedHeader({ alg, ...(server.publicJwk.kid ? { kid: server.publicJwk.kid } : {}) }).sign(secret));
  }
  return tokens.map(bearer);
};

const algNone: Forge = async (server) => {
  const claims = base64url.encode(JSON.stringify({ sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: server.issuer, aud: server.audience, iat: now(), exp: now() + 600 }));
  const signature = (await server.token()).split('.')[2]!;
  return ['none', 'None', 'NONE', 'nOnE'].flatMap((alg) => {
    const header = base64url.encode(JSON.stringify({ alg, typ: 'JWT' }));
    return [bearer(`${header}.${claims}.`), bearer(`${header}.${claims}.${signature}`)];
  });
};

const unknownKid: Forge = async (server) => {
  const alg = server.publicJwk.kty === 'RSA' ? 'RS256' : 'ES256';
  const { privateKey } = await generateKeyPair(alg);
  const claims = { sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: server.issuer, aud: server.audience, iat: now(), exp: now() + 600 };
  return Promise.all(['rotated-away', '../../etc/passwd', "' OR 1=1 --"].map(async (kid) => bearer(await new SignJWT(claims).setProtectedHeader({ alg, kid }).sign(privateKey))));
};

const attack = (attackClass: string, forge: Forge): Attack<Target> => ({ attackClass, run: (target) => againstEveryRoute(target, forge) });

/**
 * Bad tokens on every non-public route of every service, against both issuers a process can
 * have: the development issuer (standalone's default) and an identity provider's JWKS.
 * Tokens that are validly signed but wrong in a claim are made with the issuer's real key,
 * as a misconfigured or compromised client would present them.
 */
export const tokenAttacks: ReadonlyArray<Attack<Target>> = [
  attack('tokens: missing or garbage', async () => ['', 'Bearer', 'Bearer ', 'Basic bWFsbG9yeTpwYXNz', 'Bearer abc', 'Bearer a.b.c', 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.', `Bearer ${'A'.repeat(4000)}`, 'Bearer {"$gt":""}']),
  attack('tokens: forged signature', forgedSignature),
  attack('tokens: expired', async (server) => [bearer(await server.token({ exp: now() - 3600 })), bearer(await server.token({ iat: now() - 7200, exp: now() - 120 }))]),
  attack('tokens: no exp', async (server) => [bearer(await server.token({ exp: undefined }))]),
  attack('tokens: exp not a number', async (server) => [bearer(await server.token({ exp: 'never' as unknown as number }))]),
  attack('tokens: iat in the future', async (server) => [bearer(await server.token({ iat: now() + 5 * 365 * 24 * 3600, exp: now() + 6 * 365 * 24 * 3600 })), bearer(await server.token({ iat: now() + 3600 }))]),
  attack('tokens: nbf in the future', async (server) => [bearer(await server.token({ nbf: now() + 3600 }))]),
  attack('tokens: wrong issuer', async (server) => [bearer(await server.token({ iss: 'https://evil.example/' })), bearer(await server.token({ iss: undefined })), bearer(await server.token({ iss: server.issuer === 'urn:leerzone:development-issuer' ? 'https://idp.security-suite.test/' : 'urn:leerzone:development-issuer' }))]),
  attack('tokens: wrong audience', async (server) => [bearer(await server.token({ aud: 'another-api' })), bearer(await server.token({ aud: undefined }))]),
  attack('tokens: alg none', algNone),
  attack('tokens: alg confusion (HS* with the public key)', algorithmConfusion),
  attack('tokens: unknown kid', unknownKid),
  attack('tokens: platform tenant', async (server) => [bearer(await server.token({ tid: '_platform' })), bearer(await server.token({ tid: '_system' }))]),
];
