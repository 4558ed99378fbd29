/**
 * What `/web-config.json` tells the web app, from this process's environment:
 *
 * - `WEB_OIDC_ISSUER` (default `AUTH_ISSUER`) and `WEB_OIDC_CLIENT_ID`: sign-in through that
 *   OpenID provider (authorization code + PKCE, a public client); both or neither.
 * - `WEB_OIDC_SCOPE` (default `openid`), `WEB_OIDC_RESOURCE` (RFC 8707, for providers that
 *   want the API named; unset: the provider's default audience).
 * - `WEB_TRACE_URL_TEMPLATE`: the audit page's trace link, `{traceId}` filled in.
 *
 * A bad value stops the process at start, naming the variable.
 */
export interface WebOidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  readonly resource: string | null;
}

export interface WebConfig {
  readonly traceUrlTemplate: string | null;
  readonly devIssuer: boolean;
  readonly oidc: WebOidcSettings | null;
}

export class WebConfigError extends Error {}

const set = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new WebConfigError(`${name} must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebConfigError(`${name} must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  return url;
}

export function webConfigFromEnvironment(env: Readonly<Record<string, string | undefined>>): Omit<WebConfig, 'devIssuer'> {
  const template = set(env['WEB_TRACE_URL_TEMPLATE']);
  if (template !== undefined) {
    if (!template.includes('{traceId}')) throw new WebConfigError('WEB_TRACE_URL_TEMPLATE must contain {traceId}');
    httpUrl('WEB_TRACE_URL_TEMPLATE', template.replace('{traceId}', '0'));
  }
  const explicitIssuer = set(env['WEB_OIDC_ISSUER']);
  const issuer = explicitIssuer ?? set(env['AUTH_ISSUER']);
  const clientId = set(env['WEB_OIDC_CLIENT_ID']);
  const scope = set(env['WEB_OIDC_SCOPE']) ?? 'openid';
  const resource = set(env['WEB_OIDC_RESOURCE']) ?? null;
  if (explicitIssuer && !clientId) throw new WebConfigError('WEB_OIDC_ISSUER is set without WEB_OIDC_CLIENT_ID (the web app’s client at the provider)');
  if (clientId && !issuer) throw new WebConfigError('WEB_OIDC_CLIENT_ID is set without WEB_OIDC_ISSUER or AUTH_ISSUER');
  if (issuer && clientId) {
    httpUrl(explicitIssuer ? 'WEB_OIDC_ISSUER' : 'AUTH_ISSUER', issuer);
    if (!scope.split(/\s+/).includes('openid')) throw new WebConfigError('WEB_OIDC_SCOPE must include openid');
    if (resource !== null) {
      try {
        new URL(resource);
      } catch {
        throw new WebConfigError('WEB_OIDC_RESOURCE must be an absolute URI (RFC 8707)');
      }
    }
  } else if (set(env['WEB_OIDC_SCOPE']) || resource) {
    throw new WebConfigError(`${set(env['WEB_OIDC_SCOPE']) ? 'WEB_OIDC_SCOPE' : 'WEB_OIDC_RESOURCE'} is set but the web app has no OpenID provider (WEB_OIDC_CLIENT_ID)`);
  }
  return { traceUrlTemplate: template ?? null, oidc: issuer && clientId ? { issuer, clientId, scope, resource } : null };
}

/** The origins the web app's pages must reach besides their own (CSP `connect-src`): the provider's. */
export function connectSourcesOf(config: Pick<WebConfig, 'oidc'>): string[] {
  return config.oidc ? [new URL(config.oidc.issuer).origin] : [];
}
