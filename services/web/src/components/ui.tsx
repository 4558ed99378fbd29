import { useId, type ReactNode } from 'react';
import type { ProblemView } from '../lib/problems';
import { useApp } from './app-context';

export function ProblemNotice({ problem }: { readonly problem: ProblemView | null }) {
  const { t } = useApp();
  if (!problem) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{problem.summary}</p>
      {problem.requestId ? <p className="muted small">{t('problem.reference', { id: problem.requestId })}</p> : null}
    </div>
  );
}

export function Loading({ loading }: { readonly loading: boolean }) {
  const { t } = useApp();
  return loading ? <p className="muted" role="status">{t('common.loading')}</p> : null;
}

interface FieldProps {
  readonly label: string;
  readonly name: string;
  readonly problem: ProblemView | null;
  readonly hint?: string;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; name: string }) => ReactNode;
}

/** A labelled control with its hint and the problem's message for this field under it. */
export function Field({ label, name, problem, hint, children }: FieldProps) {
  const id = useId();
  const error = problem?.fields[name] ?? null;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described, name })}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-field-error={name}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Section({ title, children, id }: { readonly title: string; readonly children: ReactNode; readonly id?: string }) {
  return (
    <section className="card" aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

export function Badge({ tone, children }: { readonly tone: 'ok' | 'warn' | 'bad' | 'info' | 'neutral'; readonly children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function When({ at }: { readonly at: string | null | undefined }) {
  const { language } = useApp();
  if (!at) return <span>—</span>;
  const date = new Date(at);
  return <time dateTime={at}>{date.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</time>;
}

export function Success({ message }: { readonly message: string | null }) {
  return message ? (
    <p className="notice notice-ok" role="status">
      {message}
    </p>
  ) : null;
}
