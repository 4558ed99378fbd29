import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { devToken, StandaloneProcess } from '../testing/standalone-process';

export const IDP_ISSUER = 'https://idp.security-suite.test/';
export const IDP_AUDIENCE = 'leerzone-api';
export const DEV_ISSUER = 'urn:leerzone:development-issuer';
export const DEV_AUDIENCE = 'leerzone';

/** Limits far above what the suite sends, so that a 429 never hides the answer an attack would have got. */
const UNTHROTTLED = { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_TENANT: '1000000', RATE_LIMIT_PER_ADDRESS: '1000000', RATE_LIMIT_DEV_TOKENS: '1000000' };

/** An operation of the served OpenAPI document. */
export interface Route {
  readonly method: string;
  /** OpenAPI form: `/api/governance/teams/{teamId}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyProperties: readonly string[];
  readonly hasBody: boolean;
  readonly isPublic: boolean;
}

/** A token issuer the suite controls: the signing key behind a JWKS on a local HTTP server. */
export class LocalIdentityProvider {
  private constructor(
    private readonly server: Server,
    readonly key: { readonly kid: string; readonly privateKey: KeyLike; readonly publicJwk: JWK },
  ) {}

  static async start(): Promise<LocalIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'suite-2026', alg: 'RS256', use: 'sig' };
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return new LocalIdentityProvider(server, { kid: 'suite-2026', privateKey, publicJwk });
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  /** A token as the provider would issue it; every claim and header field can be overridden to make a bad one. */
  sign(claims: JWTPayload = {}, header: Record<string, unknown> = {}, key: KeyLike = this.key.privateKey): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: IDP_ISSUER, aud: IDP_AUDIENCE, iat: now, exp: now + 600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, ...header })
      .sign(key);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** A running standalone and the means to make tokens its verifier will judge. */
export interface ServerUnderTest {
  readonly process: StandaloneProcess;
  readonly url: string;
  /** A well-formed, valid token of this server's issuer with these claims changed. */
  token(claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  readonly issuer: string;
  readonly audience: string;
  /** The public key of this server's issuer, as a JWK (what an attacker can always learn). */
  readonly publicJwk: JWK;
}

export interface Seeded {
  /** The attacker's own team, in the attacker's tenant. */
  readonly ownTeamId: string;
  /** Another tenant's team, and a marker in its name that must never reach the attacker. */
  readonly victimTeamId: string;
  readonly victimMarker: string;
}

export interface Target {
  /** Standalone on its defaults: the development issuer. */
  readonly dev: ServerUnderTest;
  /** Standalone as production would run it: the development issuer off, tokens of an identity provider. */
  readonly idp: ServerUnderTest;
  readonly routes: readonly Route[];
  readonly seeded: Seeded;
  /** A valid development token of the attacker (tenant attacker-corp, every role). */
  readonly attacker: string;
  close(): Promise<void>;
}

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; $ref?: string }>; requestBody?: { content?: Record<string, { schema?: unknown }> }; security?: unknown[]; 'x-leerzone-public'?: boolean }>>;
  components?: { schemas?: Record<string, unknown>; parameters?: Record<string, { name: string; in: string }> };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation the server documents, with its parameters and top-level body properties. */
export async function discoverRoutes(url: string): Promise<Route[]> {
  const document = (await (await fetch(`${url}/docs-json`)).json()) as OpenApi;
  const resolve = (schema: unknown): Record<string, unknown> => {
    let current = schema as Record<string, unknown> | undefined;
    for (let i = 0; i < 5 && current && typeof current['$ref'] === 'string'; i += 1) {
      current = document.components?.schemas?.[(current['$ref'] as string).split('/').pop()!] as Record<string, unknown> | undefined;
    }
    return current ?? {};
  };
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const params = (op.parameters ?? []).map((p) => (p.$ref ? document.components?.parameters?.[p.$ref.split('/').pop()!] ?? p : p));
      const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {}),
        hasBody: op.requestBody !== undefined,
        isPublic: op['x-leerzone-public'] === true || (Array.isArray(op.security) && op.security.length === 0),
      });
    }
  }
  return routes;
}

/** `/teams/{teamId}` with values for its parameters (URI-encoded). */
export const fill = (path: string, values: (name: string) => string): string => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values(name)));

export async function startTarget(): Promise<Target> {
  const identityProvider = await LocalIdentityProvider.start();
  const devProcess = await StandaloneProcess.create({ ...UNTHROTTLED, OTEL_SDK_DISABLED: 'true' });
  const idpProcess = await StandaloneProcess.create({
    ...UNTHROTTLED,
    OTEL_SDK_DISABLED: 'true',
    AUTH_DEV_ISSUER: 'false',
    AUTH_JWKS_URL: identityProvider.jwksUrl,
    AUTH_ISSUER: IDP_ISSUER,
    AUTH_AUDIENCE: IDP_AUDIENCE,
  });
  await Promise.all([devProcess.start(), idpProcess.start()]);

  const devKeyJwk = JSON.parse(readFileSync(join(devProcess.dataDir, 'dev-signing-key.json'), 'utf8')) as JWK;
  const devKey = (await importJWK(devKeyJwk, 'ES256')) as KeyLike;
  const { d: _d, ...devPublicJwk } = devKeyJwk;
  const dev: ServerUnderTest = {
    process: devProcess,
    url: devProcess.url,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    publicJwk: devPublicJwk,
    token: (claims = {}, header = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sub: 'mallory', tid: 'attacker-corp', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, iat: now, exp: now + 600, ...claims }).setProtectedHeader({ alg: 'ES256', ...header }).sign(devKey);
    },
  };
  const idp: ServerUnderTest = {
    process: idpProcess,
    url: idpProcess.url,
    issuer: IDP_ISSUER,
    audience: IDP_AUDIENCE,
    publicJwk: identityProvider.key.publicJwk,
    token: (claims, header) => identityProvider.sign(claims, header),
  };

  const attacker = await devToken(dev.url, 'attacker-corp', 'mallory', ['member', 'coach', 'transformation-lead', 'analyst', 'confidential-officer', 'operator', 'auditor', 'admin']);
  const victim = await devToken(dev.url, 'victim-corp', 'victor', ['coach', 'admin']);
  const victimMarker = `VICTIM-SECRET-${Date.now().toString(36)}`;
  const createTeam = async (token: string, name: string) => {
    const response = await fetch(`${dev.url}/api/governance/teams`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name, purpose: name }) });
    if (response.status !== 201) throw new Error(`seeding ${name}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { teamId: string }).teamId;
  };
  const seeded: Seeded = { ownTeamId: await createTeam(attacker, 'Team Mallory'), victimTeamId: await createTeam(victim, victimMarker), victimMarker };

  return {
    dev,
    idp,
    routes: await discoverRoutes(dev.url),
    seeded,
    attacker,
    close: async () => {
      await Promise.all([devProcess.dispose(), idpProcess.dispose()]);
      await identityProvider.close();
    },
  };
}
