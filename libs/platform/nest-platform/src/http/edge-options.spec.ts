import { DEFAULT_RATE_LIMITS, edgeOptionsFromEnv } from './edge-options';

describe('edgeOptionsFromEnv', () => {
  it('keeps CORS closed and the default limits unless configured', () => {
    expect(edgeOptionsFromEnv({})).toEqual({ corsOrigins: [], rateLimits: DEFAULT_RATE_LIMITS });
  });

  it('reads a list of origins and the limits, refusing what is not an origin or a count', () => {
    expect(edgeOptionsFromEnv({ CORS_ORIGINS: 'https://app.example, http://localhost:5173', RATE_LIMIT_PER_USER: '10', RATE_LIMIT_WINDOW_SECONDS: '5' })).toEqual({
      corsOrigins: ['https://app.example', 'http://localhost:5173'],
      rateLimits: { ...DEFAULT_RATE_LIMITS, perUser: 10, windowSeconds: 5 },
    });
    expect(() => edgeOptionsFromEnv({ CORS_ORIGINS: '*' })).toThrow(expect.objectContaining({ field: 'CORS_ORIGINS' }));
    expect(() => edgeOptionsFromEnv({ CORS_ORIGINS: 'https://app.example/' })).toThrow(expect.objectContaining({ field: 'CORS_ORIGINS' }));
    expect(() => edgeOptionsFromEnv({ RATE_LIMIT_PER_TENANT: '0' })).toThrow(expect.objectContaining({ field: 'RATE_LIMIT_PER_TENANT' }));
  });

  it('reads the trusted proxies as addresses and CIDR ranges, refusing anything else', () => {
    expect(edgeOptionsFromEnv({ TRUSTED_PROXIES: '172.28.0.0/16, ::1' }).rateLimits.trustedProxies).toEqual(['172.28.0.0/16', '::1']);
    expect(() => edgeOptionsFromEnv({ TRUSTED_PROXIES: '172.28.0.0/16,nginx' })).toThrow(expect.objectContaining({ field: 'TRUSTED_PROXIES' }));
  });
});
