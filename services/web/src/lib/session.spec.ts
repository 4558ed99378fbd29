import { isExpired, loadSession, saveSession, traceLink } from './session';

describe('the session', () => {
  it('round-trips through the storage it is given and refuses anything malformed', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const session = { token: 'jwt', tenantId: 'demo', userId: 'anna', roles: ['member'], method: 'development-issuer' as const };
    saveSession(storage, session);
    expect(loadSession(storage)).toEqual(session);
    saveSession(storage, null);
    expect(loadSession(storage)).toBeNull();
    store.set('leerzone.session', '{"token":1}');
    expect(loadSession(storage)).toBeNull();
    store.set('leerzone.session', 'not json');
    expect(loadSession(storage)).toBeNull();
  });

  it('keeps a provider session with its expiry and ID token, refuses one without an expiry, and knows when it has expired', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const session = { token: 'at', tenantId: 'acme', userId: 'lena', roles: ['coach'], method: 'oidc' as const, expiresAt: 1_000_000, idToken: 'idt' };
    saveSession(storage, session);
    expect(loadSession(storage)).toEqual(session);
    store.set('leerzone.session', JSON.stringify({ ...session, expiresAt: undefined }));
    expect(loadSession(storage)).toBeNull();
    expect([isExpired(session, 999_999), isExpired(session, 1_000_000), isExpired({ ...session, expiresAt: undefined }, 5e12)]).toEqual([false, true, false]);
  });

  it('links a traceparent to the configured trace viewer', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(traceLink('http://localhost:16686/trace/{traceId}', traceparent)).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', href: 'http://localhost:16686/trace/0af7651916cd43dd8448eb211c80319c' });
    expect(traceLink(null, traceparent)).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', href: null });
    expect(traceLink('x/{traceId}', 'garbage')).toBeNull();
    expect(traceLink('x/{traceId}', undefined)).toBeNull();
  });
});
