// Who is signed in. The token lives in sessionStorage (gone with the tab), never in localStorage.
// Two ways in end in the same `Session`: the development issuer (standalone) and the
// deployment's OpenID provider (`oidc.ts`: authorization code + PKCE).

export const ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  readonly token: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly method: 'development-issuer' | 'oidc';
  /** When the token stops being accepted (ms since the epoch); then the app signs out and says why. */
  readonly expiresAt?: number;
  /** The provider's ID token, for its end-session endpoint (`id_token_hint`). */
  readonly idToken?: string;
}

const KEY = 'leerzone.session';

export function loadSession(storage: Pick<Storage, 'getItem'>): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.userId !== 'string' || typeof value.tenantId !== 'string' || !Array.isArray(value.roles)) return null;
    if (value.method === 'oidc') {
      if (typeof value.expiresAt !== 'number') return null;
      return { token: value.token, tenantId: value.tenantId, userId: value.userId, roles: value.roles, method: 'oidc', expiresAt: value.expiresAt, ...(typeof value.idToken === 'string' ? { idToken: value.idToken } : {}) };
    }
    return { token: value.token, tenantId: value.tenantId, userId: value.userId, roles: value.roles, method: 'development-issuer', ...(typeof value.expiresAt === 'number' ? { expiresAt: value.expiresAt } : {}) };
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, session: Session | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** A session past its expiry is no session. */
export const isExpired = (session: Session, nowMs: number) => session.expiresAt !== undefined && session.expiresAt <= nowMs;

export const hasRole = (session: Session | null, ...roles: string[]) => !!session && roles.some((role) => session.roles.includes(role));
export const isAnalyticsReader = (session: Session | null) => hasRole(session, 'analyst', 'transformation-lead', 'admin');
export const isAuditor = (session: Session | null) => hasRole(session, 'auditor', 'admin');

/** The trace link for a W3C traceparent: `{traceId}` in the configured template, or null without one. */
export function traceLink(template: string | null | undefined, traceparent: string | null | undefined): { traceId: string; href: string | null } | null {
  const match = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(traceparent ?? '');
  if (!match) return null;
  const traceId = match[1]!;
  return { traceId, href: template ? template.replace('{traceId}', traceId) : null };
}
