/**
 * The seeder's HTTP side: the public API of each service, development tokens, bounded
 * parallelism and the only retries that are right — 429 (after Retry-After), 409
 * STREAM.CONCURRENT_MODIFICATION ("try again"), and a team another service has not heard of
 * yet (its directory is fed over the bus). Any other refusal is a bug in the seeder and stops
 * the run with the problem.
 */

export type ServiceName = 'governance' | 'okr' | 'assessment' | 'failure-learning' | 'analytics';
export const SERVICE_NAMES: readonly ServiceName[] = ['governance', 'okr', 'assessment', 'failure-learning', 'analytics'];

export interface DemoTargets {
  /** Base URL per service (all the same in standalone). */
  readonly urls: Readonly<Record<ServiceName, string>>;
  readonly tenant: string;
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export class DemoCommandRefused extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly problem: unknown,
    readonly requestBody: unknown,
  ) {
    super(`${method} ${url} was refused with ${status}: ${JSON.stringify(problem)}${requestBody === undefined ? '' : `\n  request: ${JSON.stringify(requestBody)}`}`);
    this.name = 'DemoCommandRefused';
  }
}

/** Codes that mean "this service has not received the team from governance yet". */
const NOT_YET_KNOWN = new Set(['TEAM.NOT_FOUND', 'OKR.TEAM_NOT_FOUND', 'OKR.NOT_A_MEMBER', 'TEAM.NOT_A_MEMBER', 'TEAM.NOT_ON_TEAM', 'TEAM.NOT_COACH_OF_TEAM', 'OKR.NOT_ALLOWED', 'ROUND.NOT_A_TEAM_MEMBER', 'ROUND.GROUP_BELOW_THRESHOLD', 'ACTION.OWNER_NOT_IN_TEAM']);

/** Analytics refuses an outcome upload whose teams it has not received yet: every row error is OUTCOMES.UNKNOWN_TEAM. */
const notYetKnown = (code: string, answer: Record<string, unknown>): boolean => {
  if (NOT_YET_KNOWN.has(code)) return true;
  const errors = answer['errors'];
  return code === 'OUTCOMES.INVALID_ROWS' && Array.isArray(errors) && errors.length > 0 && errors.every((e) => (e as { code?: unknown }).code === 'OUTCOMES.UNKNOWN_TEAM');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CallOptions {
  /** Retry while the service has not heard of the team yet (first command on a team in a service fed over the bus). */
  readonly awaitDirectory?: boolean;
}

export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();
  /** Requests sent, per service (for the summary). */
  readonly sent: Record<ServiceName, number> = { governance: 0, okr: 0, assessment: 0, 'failure-learning': 0, analytics: 0 };
  retries = 0;
  private warnedThrottled = false;

  constructor(
    readonly targets: DemoTargets,
    private readonly options: { readonly directoryWaitMs?: number; readonly warn?: (message: string) => void } = {},
  ) {}

  /** A development token of the tenant, from the governance process's issuer (cached per user and roles). */
  token(userId: string, roles: readonly string[]): Promise<string> {
    const key = `${userId}|${roles.join(',')}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.issue(userId, roles);
      token.catch(() => this.tokens.delete(key));
      this.tokens.set(key, token);
    }
    return token;
  }

  private async issue(userId: string, roles: readonly string[]): Promise<string> {
    const url = `${this.targets.urls.governance}/api/auth/dev-token`;
    const body = { tenantId: this.targets.tenant, userId, roles };
    for (;;) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await readAnswer(response);
      if (response.status === 429) {
        if (!this.warnedThrottled) {
          this.warnedThrottled = true;
          this.options.warn?.('The development issuer limits tokens per minute (RATE_LIMIT_DEV_TOKENS on the server); the demo waits as it asks. For large sizes, raise it where the services run.');
        }
        this.retries++;
        await this.backOff(response);
        continue;
      }
      if (response.status !== 200 || typeof answer['access_token'] !== 'string') {
        throw new DemoCommandRefused('POST', url, response.status, answer, body);
      }
      return answer['access_token'];
    }
  }

  async call(service: ServiceName, as: { readonly userId: string; readonly roles: readonly string[] }, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Answer> {
    const url = `${this.targets.urls[service]}${path}`;
    const token = await this.token(as.userId, as.roles);
    const directoryDeadline = Date.now() + (this.options.directoryWaitMs ?? 30_000);
    let conflicts = 0;
    for (;;) {
      this.sent[service]++;
      const response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const answer = await readAnswer(response);
      if (response.ok) return { status: response.status, body: answer };
      const code = typeof answer['code'] === 'string' ? answer['code'] : '';
      if (response.status === 429) {
        this.retries++;
        await this.backOff(response);
        continue;
      }
      if (response.status === 409 && code === 'STREAM.CONCURRENT_MODIFICATION' && conflicts++ < 5) {
        this.retries++;
        await sleep(20 * conflicts);
        continue;
      }
      if (options.awaitDirectory && notYetKnown(code, answer) && Date.now() < directoryDeadline) {
        this.retries++;
        await sleep(100);
        continue;
      }
      throw new DemoCommandRefused(method, url, response.status, answer, body);
    }
  }

  private async backOff(response: Response): Promise<void> {
    const seconds = Number(response.headers.get('retry-after') ?? '1');
    await sleep(Math.min(60, Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000);
  }
}

async function readAnswer(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { text };
  }
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure stops new work and is thrown. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
}
