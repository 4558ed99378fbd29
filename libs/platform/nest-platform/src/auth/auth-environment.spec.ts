import { secureAuthOptions } from './auth-environment';

const dev = { devIssuer: { keyFile: '/tmp/key.json' } };
const idp = { jwks: { url: 'https://idp.example/jwks.json', issuer: 'https://idp.example/' } };

describe('secureAuthOptions', () => {
  it('refuses the development issuer under any production setting, naming AUTH_DEV_ISSUER', () => {
    for (const env of [{ NODE_ENV: 'production' }, { AUTH_ISSUER: 'https://idp.example/' }, { AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_ISSUER: 'https://idp.example/' }]) {
      expect(() => secureAuthOptions(dev, env)).toThrow(expect.objectContaining({ code: 'CONFIG.INVALID', field: 'AUTH_DEV_ISSUER', message: expect.stringMatching(/Refusing to start.*development token issuer.*production/) }));
    }
    expect(() => secureAuthOptions({ ...dev, ...idp }, { AUTH_JWKS_URL: idp.jwks.url, AUTH_ISSUER: idp.jwks.issuer })).toThrow(/Refusing to start/);
  });

  it('lets production run with its identity provider, and development with the local issuer', () => {
    expect(secureAuthOptions(idp, { NODE_ENV: 'production', AUTH_JWKS_URL: idp.jwks.url, AUTH_ISSUER: idp.jwks.issuer })).toEqual(idp);
    expect(secureAuthOptions(dev, { NODE_ENV: 'development' })).toEqual({ devIssuer: { keyFile: '/tmp/key.json', allowRemote: false } });
  });

  it('reads the clock skew (capped), the maximum token age, the JWKS cooldown and remote dev callers', () => {
    expect(secureAuthOptions(idp, { AUTH_CLOCK_SKEW_SECONDS: '30', AUTH_MAX_TOKEN_AGE_SECONDS: '86400', AUTH_JWKS_COOLDOWN_SECONDS: '5' })).toEqual({
      jwks: { ...idp.jwks, cooldownSeconds: 5 },
      clockSkewSeconds: 30,
      maxTokenAgeSeconds: 86400,
    });
    expect(secureAuthOptions(dev, { AUTH_DEV_ISSUER_ALLOW_REMOTE: 'true' }).devIssuer).toEqual({ keyFile: '/tmp/key.json', allowRemote: true });
    expect(() => secureAuthOptions(idp, { AUTH_CLOCK_SKEW_SECONDS: '301' })).toThrow(expect.objectContaining({ field: 'AUTH_CLOCK_SKEW_SECONDS' }));
    expect(() => secureAuthOptions(idp, { AUTH_CLOCK_SKEW_SECONDS: 'a minute' })).toThrow(expect.objectContaining({ field: 'AUTH_CLOCK_SKEW_SECONDS' }));
    expect(() => secureAuthOptions(dev, { AUTH_DEV_ISSUER_ALLOW_REMOTE: 'yes' })).toThrow(expect.objectContaining({ field: 'AUTH_DEV_ISSUER_ALLOW_REMOTE' }));
  });
});
