// API problem details (RFC 9457) → words a person understands, in their language, on the field
// they concern. Keyed on the stable `code`, never on the English `detail` of the server.
import { isMessageKey, type MessageKey, type Translate } from './i18n';

export interface ProblemFieldError {
  readonly field?: string;
  readonly code?: string;
  readonly message?: string;
}

export interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly field?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly requestId?: string;
  readonly [extra: string]: unknown;
}

export interface ProblemView {
  /** One sentence for the top of the form. */
  readonly summary: string;
  /** Field path (`amount`, `answers.0.responses`) → what is wrong with it. */
  readonly fields: Readonly<Record<string, string>>;
  readonly code: string | null;
  readonly requestId: string | null;
}

const codeKey = (code: string | undefined): MessageKey | null => {
  if (!code) return null;
  const key = `problem.${code}`;
  return isMessageKey(key) ? key : null;
};

function statusKey(status: number): MessageKey {
  if (status === 0) return 'problem.status.network';
  if (status === 401) return 'problem.status.401';
  if (status === 403) return 'problem.status.403';
  if (status === 404) return 'problem.status.404';
  if (status === 409 || status === 412) return 'problem.status.409';
  if (status === 422) return 'problem.status.422';
  if (status === 429) return 'problem.status.429';
  if (status >= 500) return 'problem.status.500';
  return 'problem.status.400';
}

/** Makes `answers[0].responses` and `answers.0.responses` the same field name. */
export function normaliseField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export function describeProblem(problem: Problem, t: Translate): ProblemView {
  const mainKey = codeKey(problem.code);
  const summary = t(mainKey ?? statusKey(problem.status));
  const fields: Record<string, string> = {};
  const entries: ProblemFieldError[] = [...(problem.errors ?? [])];
  if (problem.field && !entries.some((entry) => entry.field === problem.field)) entries.unshift({ field: problem.field, ...(problem.code ? { code: problem.code } : {}) });
  for (const entry of entries) {
    if (!entry.field) continue;
    const field = normaliseField(entry.field);
    if (fields[field]) continue;
    const key = codeKey(entry.code) ?? mainKey ?? 'problem.field.invalid';
    fields[field] = t(key);
  }
  return { summary, fields, code: problem.code ?? null, requestId: problem.requestId ?? null };
}

/** What a failed fetch (no answer at all) looks like, so the same view shows it. */
export const NETWORK_PROBLEM: Problem = { status: 0, code: 'NETWORK.UNREACHABLE' };
