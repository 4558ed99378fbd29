// A real OpenID provider for the web app's sign-in proof (oidc.e2e.spec.ts): panva's certified
// `oidc-provider`, as its own process on a free loopback port. It listens first and prints
// {"issuer"}; the test then sends one JSON line on stdin — the web app's redirect URI, the
// client, the API's resource and audience, the accounts with their tenant and roles — and it
// prints {"ready":true} once it answers. Its own login and consent pages (devInteractions)
// stand in for an organisation's.
//
// What a real deployment configures at its provider, this does: a public client (no secret)
// with PKCE required, the redirect URI `<origin>/` also as post-logout redirect, and JWT access
// tokens for the API (resource indicators) carrying `tid` and `roles`, signed with a key it
// publishes at its JWKS.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider, { errors } from 'oidc-provider';

let handler = null;
const server = createServer((request, response) => {
  if (handler) return handler(request, response);
  response.statusCode = 503;
  response.end();
});
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.once('line', (line) => {
    const settings = JSON.parse(line);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `e2e-${randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' };
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: settings.clientId,
          token_endpoint_auth_method: 'none',
          redirect_uris: [settings.redirectUri],
          post_logout_redirect_uris: [settings.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk] },
      pkce: { required: () => true },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      findAccount: (_ctx, id) => (settings.accounts[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => settings.resource,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== settings.resource) throw new errors.InvalidTarget();
            return { scope: settings.resourceScope, audience: settings.audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
          },
        },
      },
      // The tenant and the roles, in the access token the API checks.
      extraTokenClaims: (_ctx, token) => {
        if (token.kind !== 'AccessToken') return undefined;
        const account = settings.accounts[token.accountId];
        return account ? { tid: account.tid, roles: account.roles } : undefined;
      },
    });
    provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider: ${error.stack ?? error}\n`));
    handler = provider.callback();
    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
