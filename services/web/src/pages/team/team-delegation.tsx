import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Field, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import { ApiProblem } from '../../lib/api';
import type { ProblemView } from '../../lib/problems';
import { hasRole } from '../../lib/session';
import type { Money, Page, TeamSummary } from '../types';

interface Area {
  readonly area: string;
  readonly title: string;
  readonly effectiveLevel: number;
  readonly setAt: string | null;
  readonly setBy: string | null;
  readonly reason: string | null;
}
interface Mandate {
  readonly area: string;
  readonly boardLevel: number;
  readonly financialLimits: readonly { boundaryId: string; title: string; limit: Money; period: string; spentInPeriod: Money }[];
  readonly ruleBoundaryIds: readonly string[];
}
interface Decision {
  readonly decisionId: string;
  readonly title: string;
  readonly area: string;
  readonly status: string;
  readonly amount?: Money | null;
  readonly by: string;
  readonly at: string;
}

export const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;

export function TeamDelegation({ team }: { readonly team: TeamSummary }) {
  const { t, api, session } = useApp();
  const board = useLoad(() => api.get<{ areas: readonly Area[] }>(`/api/governance/teams/${team.teamId}/delegation-board`), [api, team.teamId]);
  const decisions = useLoad(() => api.get<Page<Decision>>(`/api/governance/teams/${team.teamId}/decisions`, { limit: 10 }), [api, team.teamId]);
  return (
    <div className="grid">
      <Section title={t('delegation.board')} id="board">
        <ProblemNotice problem={board.error} />
        <Loading loading={board.loading} />
        {board.data ? (
          <div className="scroll" tabIndex={0} role="region" aria-label={t('common.scrollable')}>
            <table className="delegation" data-testid="delegation-board">
              <caption className="sr-only">{t('delegation.board')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('delegation.area')}</th>
                  {LEVELS.map((level) => <th key={level} scope="col">{level} {t(`level.${level}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {board.data.areas.map((area) => (
                  <tr key={area.area}>
                    <th scope="row">{area.title}</th>
                    {LEVELS.map((level) => (
                      <td key={level} className={level === area.effectiveLevel ? 'level-on' : level < area.effectiveLevel ? 'level-below' : ''}>
                        {level === area.effectiveLevel ? <span aria-label={t('delegation.current', { level, name: t(`level.${level}`) })}>●</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      {board.data ? <DecisionForm team={team} areas={board.data.areas} onDone={decisions.reload} /> : null}
      <Section title={t('delegation.decisions')} id="decisions">
        <ProblemNotice problem={decisions.error} />
        <ul className="stack">
          {decisions.data?.items.map((d) => (
            <li key={d.decisionId} className="item" data-testid="decision">
              <strong>{d.title}</strong> <Badge tone={d.status === 'recorded' || d.status === 'approved' ? 'ok' : d.status === 'escalated' ? 'warn' : 'bad'}>{t(`decisionStatus.${d.status as 'recorded'}`)}</Badge>
              <span className="small muted"> · {d.area}{d.amount ? ` · ${d.amount.currency} ${d.amount.amount}` : ''} · {d.by} · <When at={d.at} /></span>
              {d.status === 'escalated' && hasRole(session, 'coach', 'transformation-lead', 'admin') && d.by !== session?.userId ? <EscalationAnswer team={team} decision={d} onDone={decisions.reload} /> : null}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function DecisionForm({ team, areas, onDone }: { readonly team: TeamSummary; readonly areas: readonly Area[]; readonly onDone: () => void }) {
  const { t, api, explain, label } = useApp();
  const [area, setArea] = useState(areas.find((a) => a.area === 'budget-spend')?.area ?? areas[0]?.area ?? '');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState(String(areas.find((a) => a.area === area)?.effectiveLevel ?? 1));
  const [rationale, setRationale] = useState('');
  const [options, setOptions] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [outside, setOutside] = useState<readonly { code: string; boundaryId?: string }[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mandate = useLoad(() => (area ? api.get<Mandate>(`/api/governance/teams/${team.teamId}/mandate`, { area }) : Promise.resolve(null)), [api, team.teamId, area]);

  const send = async (onOutsideMandate?: 'escalate') => {
    setProblem(null);
    setDone(null);
    try {
      const answer = await api.post<{ status: string }>(`/api/governance/teams/${team.teamId}/decisions`, {
        area,
        title,
        actedUnderLevel: Number(level),
        rationale,
        optionsConsidered: options.split('\n').map((o) => o.trim()).filter(Boolean),
        ...(amount.trim() ? { amount: { amount: Number(amount), currency } } : {}),
        ...(onOutsideMandate ? { onOutsideMandate } : {}),
      });
      setOutside(null);
      setDone(answer.status === 'escalated' ? t('decision.escalated') : t('decision.recorded'));
      onDone();
      mandate.reload();
    } catch (error) {
      setProblem(explain(error));
      const body = error instanceof ApiProblem ? error.problem : null;
      setOutside(body && body.status === 403 && Array.isArray(body['violations']) ? (body['violations'] as { code: string; boundaryId?: string }[]) : null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <Section title={t('decision.title')} id="decide">
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <Success message={done} />
        <div className="row">
          <Field label={t('delegation.area')} name="area" problem={problem}>
            {(p) => (
              <select {...p} value={area} onChange={(e) => { setArea(e.target.value); setLevel(String(areas.find((a) => a.area === e.target.value)?.effectiveLevel ?? 1)); }}>
                {areas.map((a) => <option key={a.area} value={a.area}>{a.title}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('decision.level')} name="actedUnderLevel" problem={problem}>
            {(p) => (
              <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
                {LEVELS.map((l) => <option key={l} value={l}>{l} {t(`level.${l}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="mandate" data-testid="mandate" aria-live="polite">
          <h3>{t('decision.mandate')}</h3>
          <Loading loading={mandate.loading} />
          {mandate.data ? (
            <ul>
              <li>{t('decision.boardLevel', { level: mandate.data.boardLevel, name: t(`level.${mandate.data.boardLevel as 1}`) })}</li>
              {mandate.data.financialLimits.map((limit) => (
                <li key={limit.boundaryId}>
                  {t('decision.limit', { title: limit.title, currency: limit.limit.currency, amount: limit.limit.amount, period: t(`period.${limit.period as 'month'}`), spent: limit.spentInPeriod.amount })}
                </li>
              ))}
              {mandate.data.financialLimits.length === 0 ? <li>{t('decision.noLimits')}</li> : null}
            </ul>
          ) : null}
        </div>
        <Field label={t('decision.what')} name="title" problem={problem}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label={t('decision.rationale')} name="rationale" problem={problem}>{(p) => <textarea {...p} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />}</Field>
        <Field label={t('decision.options')} name="optionsConsidered" problem={problem} hint={t('decision.optionsHint')}>{(p) => <textarea {...p} rows={2} value={options} onChange={(e) => setOptions(e.target.value)} />}</Field>
        <div className="row">
          <Field label={t('decision.amount')} name="amount" problem={problem}>{(p) => <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}</Field>
          <Field label={t('decision.currency')} name="amount.currency" problem={problem}>{(p) => <input {...p} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} maxLength={3} />}</Field>
        </div>
        {outside ? (
          <div className="notice notice-warn" data-testid="outside-mandate">
            <p>{t('decision.outside')}</p>
            <ul>{outside.map((v, i) => <li key={i}>{label(`problem.${v.code}`, v.code)}{v.boundaryId ? ` — ${mandate.data?.financialLimits.find((l) => l.boundaryId === v.boundaryId)?.title ?? v.boundaryId}` : ''}</li>)}</ul>
            <button type="button" onClick={() => void send('escalate')}>{t('decision.escalate')}</button>
          </div>
        ) : null}
        <button type="submit">{t('decision.submit')}</button>
      </form>
    </Section>
  );
}

/** The layer above answers an escalated decision (the team's coach, its unit's escalation contact, a transformation lead, an admin — the API decides who), with a reason. */
function EscalationAnswer({ team, decision, onDone }: { readonly team: TeamSummary; readonly decision: Decision; readonly onDone: () => void }) {
  const { t, api, explain } = useApp();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const answer = async (value: 'approve' | 'decline') => {
    setProblem(null);
    try {
      await api.post(`/api/governance/teams/${team.teamId}/decisions/${encodeURIComponent(decision.decisionId)}/answer`, { answer: value, ...(reason.trim() ? { reason } : {}) });
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <div className="subform" data-testid="escalation-answer">
      <ProblemNotice problem={problem} />
      <Field label={t('escalation.reason')} name="reason" problem={problem}>{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="row">
        <button type="button" onClick={() => void answer('approve')}>{t('escalation.approve')}</button>
        <button type="button" className="button-quiet" onClick={() => void answer('decline')}>{t('escalation.decline')}</button>
      </div>
    </div>
  );
}
