import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Field, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Page, TeamSummary } from '../types';

interface ReportSummary {
  readonly reportId: string;
  readonly happened: string;
  readonly severity: string;
  readonly area: string;
  readonly tags: readonly string[];
  readonly reportedAt: string;
  readonly kind: string | null;
  readonly repeatCount: number;
}
interface Action {
  readonly reportId: string;
  readonly actionId: string;
  readonly description: string;
  readonly dueOn: string;
  readonly overdue: boolean;
}
interface Suggestion {
  readonly lessonId: string;
  readonly summary: string;
  readonly kind: string;
  readonly score: number;
  readonly why: { sharedTags: readonly string[]; sameArea: boolean };
  readonly preventionAction: { description: string; status: string } | null;
}
interface Repeat {
  readonly lessonId: string;
  readonly matchedBy: string;
  readonly preventionAction: { description: string; done: boolean } | null;
}

const KINDS = ['basic', 'complex', 'intelligent', 'unclassified'] as const;
const CAUSES: Record<'basic' | 'complex' | 'intelligent', readonly string[]> = {
  basic: ['deviance', 'inattention', 'lack-of-ability', 'process-inadequacy'],
  complex: ['task-challenge', 'process-complexity', 'uncertainty'],
  intelligent: ['hypothesis-testing', 'exploratory-testing'],
};

export function TeamFailures({ team }: { readonly team: TeamSummary }) {
  const { t, api, label } = useApp();
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const reports = useLoad(() => api.get<Page<ReportSummary>>(`/api/failure-learning/teams/${team.teamId}/reports`, { limit: 40, after }), [api, team.teamId, after]);
  const actions = useLoad(() => api.get<Page<Action>>(`/api/failure-learning/teams/${team.teamId}/actions`, { status: 'open', limit: 20 }), [api, team.teamId]);
  const reload = () => {
    reports.reload();
    actions.reload();
  };
  return (
    <div className="grid">
      <Section title={t('failures.board')} id="board">
        <ProblemNotice problem={reports.error} />
        <Loading loading={reports.loading} />
        <div className="board">
          {KINDS.map((kind) => {
            const items = (reports.data?.items ?? []).filter((r) => (r.kind ?? 'unclassified') === kind);
            return (
              <div key={kind} className="board-column" data-testid={`kind-${kind}`}>
                <h3>{label(`kind.${kind}`, kind)} <span className="muted">({items.length})</span></h3>
                <ul>
                  {items.map((report) => (
                    <li key={report.reportId} className={report.repeatCount > 0 ? 'report report-repeat' : 'report'} data-testid="report">
                      <p>{report.happened}</p>
                      <p className="small muted">
                        {report.area} · {label(`severity.${report.severity}`, report.severity)} · <When at={report.reportedAt} />
                      </p>
                      {report.repeatCount > 0 ? <Badge tone="bad">{t('failures.repeat', { n: report.repeatCount })}</Badge> : null}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
        <div className="pager">
          <button type="button" className="button-quiet" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.previous')}</button>
          <button type="button" className="button-quiet" disabled={!reports.data?.next} onClick={() => reports.data?.next && setCursors((c) => [...c, reports.data!.next!])}>{t('common.next')}</button>
        </div>
      </Section>
      <Section title={t('failures.openActions')} id="actions">
        <ProblemNotice problem={actions.error} />
        <ul className="stack">
          {actions.data?.items.map((action) => (
            <li key={action.actionId} className="item">
              {action.description} — {t('failures.dueOn', { date: action.dueOn })} {action.overdue ? <Badge tone="bad">{t('failures.overdue')}</Badge> : null}
            </li>
          ))}
          {actions.data && actions.data.items.length === 0 ? <li className="muted">{t('failures.noActions')}</li> : null}
        </ul>
      </Section>
      <ReportForm team={team} onReported={reload} />
    </div>
  );
}

function ReportForm({ team, onReported }: { readonly team: TeamSummary; readonly onReported: () => void }) {
  const { t, api, explain, label } = useApp();
  const now = new Date().toISOString().slice(0, 16);
  const [form, setForm] = useState({ expected: '', happened: '', context: '', impact: '', severity: 'medium', area: '', tags: '', occurredAt: now, noticedAt: now, anonymous: false });
  const [linked, setLinked] = useState<string[]>([]);
  const [suggestions, setSuggestions] = useState<readonly Suggestion[]>([]);
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [reported, setReported] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  const tags = form.tags.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
  const slug = /^[a-z0-9][a-z0-9-]*$/;

  // "Have we seen this before?" while the person writes (writes nothing).
  useEffect(() => {
    const text = [form.happened, form.context].join(' ').trim();
    if (!text && !form.area) return;
    const timer = setTimeout(() => {
      api
        .post<{ suggestions: readonly Suggestion[] }>('/api/failure-learning/lesson-suggestions', {
          teamId: team.teamId,
          ...(slug.test(form.area) ? { area: form.area } : {}),
          tags: tags.filter((tag) => slug.test(tag)),
          text: text || form.area,
        })
        .then((answer) => setSuggestions(answer.suggestions), () => setSuggestions([]));
    }, 350);
    return () => clearTimeout(timer);
  }, [api, team.teamId, form.happened, form.context, form.area, form.tags]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const answer = await api.post<{ reportId: string }>('/api/failure-learning/reports', {
        teamId: team.teamId,
        expected: form.expected,
        happened: form.happened,
        context: form.context,
        impact: { description: form.impact },
        severity: form.severity,
        occurredAt: new Date(form.occurredAt).toISOString(),
        noticedAt: new Date(form.noticedAt).toISOString(),
        area: form.area,
        tags,
        linkedLessonIds: linked,
        anonymous: form.anonymous,
      });
      setReported(answer.reportId);
      onReported();
    } catch (error) {
      setProblem(explain(error));
    }
  };

  return (
    <Section title={t('failures.report')} id="report">
      <p className="hint">{t('failures.blameless')}</p>
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <Field label={t('failures.expected')} name="expected" problem={problem}>{(p) => <textarea {...p} rows={2} value={form.expected} onChange={set('expected')} />}</Field>
        <Field label={t('failures.happened')} name="happened" problem={problem}>{(p) => <textarea {...p} rows={2} value={form.happened} onChange={set('happened')} />}</Field>
        <Field label={t('failures.context')} name="context" problem={problem}>{(p) => <textarea {...p} rows={2} value={form.context} onChange={set('context')} />}</Field>
        <Field label={t('failures.impact')} name="impact.description" problem={problem}>{(p) => <input {...p} value={form.impact} onChange={set('impact')} />}</Field>
        <div className="row">
          <Field label={t('failures.severity')} name="severity" problem={problem}>
            {(p) => (
              <select {...p} value={form.severity} onChange={set('severity')}>
                {['low', 'medium', 'high'].map((s) => <option key={s} value={s}>{label(`severity.${s}`, s)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('failures.area')} name="area" problem={problem} hint={t('failures.areaHint')}>{(p) => <input {...p} value={form.area} onChange={set('area')} />}</Field>
          <Field label={t('failures.tags')} name="tags" problem={problem} hint={t('failures.tagsHint')}>{(p) => <input {...p} value={form.tags} onChange={set('tags')} />}</Field>
        </div>
        <div className="row">
          <Field label={t('failures.occurredAt')} name="occurredAt" problem={problem}>{(p) => <input {...p} type="datetime-local" value={form.occurredAt} onChange={set('occurredAt')} />}</Field>
          <Field label={t('failures.noticedAt')} name="noticedAt" problem={problem}>{(p) => <input {...p} type="datetime-local" value={form.noticedAt} onChange={set('noticedAt')} />}</Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.anonymous} onChange={(e) => setForm((f) => ({ ...f, anonymous: e.target.checked }))} /> {t('failures.anonymous')}
        </label>
        <div className="suggestions" aria-live="polite" data-testid="suggestions">
          <h3>{t('failures.seenBefore')}</h3>
          {suggestions.length === 0 ? <p className="muted">{t('failures.noSuggestions')}</p> : null}
          <ul>
            {suggestions.map((s) => (
              <li key={s.lessonId} data-testid="suggestion">
                <label className="check">
                  <input type="checkbox" checked={linked.includes(s.lessonId)} onChange={(e) => setLinked((l) => (e.target.checked ? [...l, s.lessonId] : l.filter((id) => id !== s.lessonId)))} />
                  {s.summary}
                </label>
                <p className="small muted">
                  {label(`kind.${s.kind}`, s.kind)} · {s.why.sameArea ? t('failures.sameArea') : null} {s.why.sharedTags.length ? t('failures.sharedTags', { tags: s.why.sharedTags.join(', ') }) : null}
                  {s.preventionAction ? ` · ${t('failures.prevention', { what: s.preventionAction.description, status: label(`actionStatus.${s.preventionAction.status}`, s.preventionAction.status) })}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </div>
        <button type="submit">{t('failures.submit')}</button>
      </form>
      {reported ? <ClassifyForm reportId={reported} onDone={onReported} /> : null}
    </Section>
  );
}

function ClassifyForm({ reportId, onDone }: { readonly reportId: string; readonly onDone: () => void }) {
  const { t, api, explain, label } = useApp();
  const [kind, setKind] = useState<'basic' | 'complex' | 'intelligent'>('basic');
  const [cause, setCause] = useState('inattention');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [repeats, setRepeats] = useState<readonly Repeat[] | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const answer = await api.post<{ repeats?: readonly Repeat[] }>(`/api/failure-learning/reports/${reportId}/classification`, { kind, cause });
      setRepeats(answer.repeats ?? []);
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label={t('failures.classify')}>
      <Success message={t('failures.reported')} />
      <h3>{t('failures.classify')}</h3>
      <ProblemNotice problem={problem} />
      <div className="row">
        <Field label={t('failures.kind')} name="kind" problem={problem}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => { const k = e.target.value as 'basic'; setKind(k); setCause(CAUSES[k][0]!); }}>
              {(['basic', 'complex', 'intelligent'] as const).map((k) => <option key={k} value={k}>{label(`kind.${k}`, k)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('failures.cause')} name="cause" problem={problem}>
          {(p) => (
            <select {...p} value={cause} onChange={(e) => setCause(e.target.value)}>
              {CAUSES[kind].map((c) => <option key={c} value={c}>{label(`cause.${c}`, c)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <button type="submit">{t('failures.classifySubmit')}</button>
      {repeats ? (
        repeats.length > 0 ? (
          <div className="notice notice-error" role="status" data-testid="repeat-flagged">
            <p><strong>{t('failures.repeatFlagged')}</strong></p>
            <ul>
              {repeats.map((r) => (
                <li key={r.lessonId}>
                  {label(`matchedBy.${r.matchedBy}`, r.matchedBy)}
                  {r.preventionAction ? ` — ${t('failures.preventionWas', { what: r.preventionAction.description, done: r.preventionAction.done ? t('common.yes') : t('common.no') })}` : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="notice notice-ok" role="status">{t('failures.noRepeat')}</p>
        )
      ) : null}
    </form>
  );
}
