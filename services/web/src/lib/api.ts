// fetch against /api with the bearer token. Every write carries a W3C traceparent of its own,
// so the event it records names a trace the audit page can link to.
import { jwtClaims } from './oidc';
import { NETWORK_PROBLEM, type Problem } from './problems';

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code ?? `HTTP ${problem.status}`);
  }
}

export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

function hex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function newTraceparent(): string {
  return `00-${hex(16)}-${hex(8)}-01`;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export class Api {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers['Authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['traceparent'] = newTraceparent();
    let response: Response;
    try {
      response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiProblem(NETWORK_PROBLEM);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      if (response.status === 401) this.onUnauthenticated();
      const problem = parsed && typeof parsed === 'object' ? (parsed as Problem) : { status: response.status };
      throw new ApiProblem({ ...problem, status: response.status });
    }
    return parsed as T;
  }
}

/** The development issuer (standalone): a token for any tenant, user and roles, and when it expires (ms). */
export async function devToken(tenantId: string, userId: string, roles: readonly string[]): Promise<{ token: string; expiresAt?: number }> {
  const answer = await new Api(null).post<{ access_token: string }>('/api/auth/dev-token', { tenantId, userId, roles });
  const exp = jwtClaims(answer.access_token)?.['exp'];
  return { token: answer.access_token, ...(typeof exp === 'number' ? { expiresAt: exp * 1000 } : {}) };
}
