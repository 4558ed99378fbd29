import { resolve } from 'node:path';
import { serviceEnvironment } from './service-environment';

describe('serviceEnvironment', () => {
  it('defaults to SQLite and in-memory read models under data/<service>, on the service’s port', () => {
    expect(serviceEnvironment('analytics', 3002, { AUTH_DEV_ISSUER: 'true' })).toEqual({
      service: 'analytics',
      port: 3002,
      host: '0.0.0.0',
      dataDir: resolve('data/analytics'),
      eventStoreUrl: `sqlite:${resolve('data/analytics/events.db')}`,
      projectionStoreUrl: 'memory:',
      auth: { devIssuer: { keyFile: resolve('data/analytics/dev-signing-key.json') } },
    });
  });

  it('takes every setting from the environment; a shared key file lets processes accept each other’s development tokens', () => {
    const config = serviceEnvironment('governance', 3001, {
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/leerzone',
      EVENT_STORE_URL: 'postgres://u:p@db:5432/leerzone',
      PROJECTION_STORE_URL: 'mongodb://mongo:27017/governance',
      AUTH_DEV_ISSUER: 'true',
      AUTH_DEV_KEY_FILE: '/run/secrets/dev-key.json',
      AUTH_JWKS_URL: 'https://idp.example/jwks.json',
      AUTH_ISSUER: 'https://idp.example/',
      AUTH_AUDIENCE: 'leerzone-api',
    });
    expect(config).toEqual({
      service: 'governance',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/leerzone',
      eventStoreUrl: 'postgres://u:p@db:5432/leerzone',
      projectionStoreUrl: 'mongodb://mongo:27017/governance',
      auth: {
        devIssuer: { keyFile: '/run/secrets/dev-key.json' },
        jwks: { url: 'https://idp.example/jwks.json', issuer: 'https://idp.example/', audience: 'leerzone-api' },
      },
    });
  });

  it('refuses bad values and a process that would accept no token, naming the variable', () => {
    expect(() => serviceEnvironment('governance', 3001, { PORT: 'eighty', AUTH_DEV_ISSUER: 'true' })).toThrow(expect.objectContaining({ code: 'CONFIG.INVALID', field: 'PORT' }));
    expect(() => serviceEnvironment('governance', 3001, { AUTH_DEV_ISSUER: 'yes' })).toThrow(expect.objectContaining({ field: 'AUTH_DEV_ISSUER' }));
    expect(() => serviceEnvironment('governance', 3001, {})).toThrow(expect.objectContaining({ field: 'AUTH_JWKS_URL', message: expect.stringMatching(/no token would be accepted/) }));
    expect(() => serviceEnvironment('governance', 3001, { AUTH_JWKS_URL: 'https://idp.example/jwks.json' })).toThrow(expect.objectContaining({ field: 'AUTH_ISSUER' }));
  });
});
