// Who is signed in. The token lives in sessionStorage (gone with the tab), never in localStorage.
// The sign-in seam: `devIssuer` is built; an OIDC provider (authorization code + PKCE) would be a
// second `SignInMethod` that ends in the same `Session` (docs/web.md says what is not built).

export const ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  readonly token: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly method: 'development-issuer';
}

const KEY = 'leerzone.session';

export function loadSession(storage: Pick<Storage, 'getItem'>): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.userId !== 'string' || typeof value.tenantId !== 'string' || !Array.isArray(value.roles)) return null;
    return { token: value.token, tenantId: value.tenantId, userId: value.userId, roles: value.roles, method: 'development-issuer' };
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, session: Session | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

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
