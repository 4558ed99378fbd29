import { connectSourcesOf, webConfigFromEnvironment } from './web-config';

// The web app's settings from the environment (no server needed; in the int tier because
// standalone has no unit tier). The provider sign-in itself: services/web/src/e2e/oidc.e2e.spec.ts.
describe('the web app’s configuration from the environment', () => {
  it('is off without a client id, and follows AUTH_ISSUER unless WEB_OIDC_ISSUER says otherwise', () => {
    expect(webConfigFromEnvironment({})).toEqual({ traceUrlTemplate: null, oidc: null });
    expect(webConfigFromEnvironment({ AUTH_ISSUER: 'https://id.example/realms/acme' })).toEqual({ traceUrlTemplate: null, oidc: null });
    expect(webConfigFromEnvironment({ AUTH_ISSUER: 'https://id.example/realms/acme', WEB_OIDC_CLIENT_ID: 'leerzone-web' }).oidc).toEqual({ issuer: 'https://id.example/realms/acme', clientId: 'leerzone-web', scope: 'openid', resource: null });
    const own = webConfigFromEnvironment({ AUTH_ISSUER: 'https://a.example', WEB_OIDC_ISSUER: 'https://b.example/', WEB_OIDC_CLIENT_ID: 'web', WEB_OIDC_SCOPE: 'openid api', WEB_OIDC_RESOURCE: 'urn:leerzone:api', WEB_TRACE_URL_TEMPLATE: 'http://localhost:16686/trace/{traceId}' });
    expect(own).toEqual({ traceUrlTemplate: 'http://localhost:16686/trace/{traceId}', oidc: { issuer: 'https://b.example/', clientId: 'web', scope: 'openid api', resource: 'urn:leerzone:api' } });
    expect(connectSourcesOf(own)).toEqual(['https://b.example']);
    expect(connectSourcesOf({ oidc: null })).toEqual([]);
  });

  it('refuses a bad value, naming the variable', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        webConfigFromEnvironment(env);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal({ WEB_OIDC_ISSUER: 'https://id.example' })).toMatch(/^WEB_OIDC_ISSUER is set without WEB_OIDC_CLIENT_ID/);
    expect(refusal({ WEB_OIDC_CLIENT_ID: 'web' })).toMatch(/^WEB_OIDC_CLIENT_ID is set without WEB_OIDC_ISSUER or AUTH_ISSUER/);
    expect(refusal({ WEB_OIDC_ISSUER: 'id.example', WEB_OIDC_CLIENT_ID: 'web' })).toMatch(/^WEB_OIDC_ISSUER must be an absolute http\(s\) URL/);
    expect(refusal({ WEB_OIDC_ISSUER: 'javascript:alert(1)', WEB_OIDC_CLIENT_ID: 'web' })).toMatch(/^WEB_OIDC_ISSUER must be an absolute http\(s\) URL/);
    expect(refusal({ AUTH_ISSUER: 'https://id.example', WEB_OIDC_CLIENT_ID: 'web', WEB_OIDC_SCOPE: 'profile' })).toBe('WEB_OIDC_SCOPE must include openid');
    expect(refusal({ AUTH_ISSUER: 'https://id.example', WEB_OIDC_CLIENT_ID: 'web', WEB_OIDC_RESOURCE: 'leerzone' })).toBe('WEB_OIDC_RESOURCE must be an absolute URI (RFC 8707)');
    expect(refusal({ WEB_OIDC_SCOPE: 'openid' })).toMatch(/^WEB_OIDC_SCOPE is set but the web app has no OpenID provider/);
    expect(refusal({ WEB_TRACE_URL_TEMPLATE: 'http://jaeger/trace/' })).toBe('WEB_TRACE_URL_TEMPLATE must contain {traceId}');
    expect(refusal({ WEB_TRACE_URL_TEMPLATE: 'javascript:{traceId}' })).toMatch(/^WEB_TRACE_URL_TEMPLATE must be an absolute http\(s\) URL/);
  });
});
