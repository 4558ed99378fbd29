import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Field, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Boundary, TeamSummary } from '../types';

interface BoundariesAnswer {
  readonly asOf?: string;
  readonly exists?: boolean;
  readonly own: readonly { boundary: Boundary; setBy: string; setAt: string; reason: string | null; proposalId: string | null }[];
  readonly effective: readonly { boundary: Boundary; source: { level: string } }[];
}
interface Proposal {
  readonly proposalId: string;
  readonly status: string;
  readonly reason?: string;
  readonly proposedBy?: string;
  readonly closesAt?: string;
  readonly change: { action: string; boundary?: Boundary; boundaryId?: string };
  readonly responses?: readonly { memberId: string; response: string }[];
}

const STEPS = 100;

export function describeBoundary(boundary: Boundary, t: ReturnType<typeof useApp>['t']): string {
  return boundary.kind === 'financial' && boundary.limit ? t('boundaries.financial', { currency: boundary.limit.currency, amount: boundary.limit.amount, period: t(`period.${(boundary.period ?? 'month') as 'month'}`) }) : (boundary.description ?? '');
}

/** What held on any date: the slider picks a moment between the team's creation and now; governance folds the team's stream up to it (`asOf`). */
export function TeamBoundaries({ team }: { readonly team: TeamSummary }) {
  const { t, api, language } = useApp();
  const [now] = useState(() => Date.now());
  const start = Date.parse(team.createdAt);
  const [step, setStep] = useState(STEPS);
  const asOf = step >= STEPS ? null : new Date(start + ((now - start) * step) / STEPS).toISOString();
  const boundaries = useLoad(() => api.get<BoundariesAnswer>(`/api/governance/teams/${team.teamId}/boundaries`, { asOf }), [api, team.teamId, asOf]);
  const proposals = useLoad(() => api.get<{ proposals: readonly Proposal[] }>(`/api/governance/teams/${team.teamId}/proposals`), [api, team.teamId]);
  const shownAt = asOf ?? new Date(now).toISOString();
  return (
    <div className="grid">
      <Section title={t('boundaries.title')} id="boundaries">
        <div className="field">
          <label htmlFor="as-of">{t('boundaries.slider')}</label>
          <input id="as-of" type="range" min={0} max={STEPS} value={step} onChange={(e) => setStep(Number(e.target.value))} data-testid="time-slider" aria-valuetext={new Date(shownAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')} />
          <p className="small" data-testid="as-of">{asOf ? <>{t('boundaries.asOf')} <When at={asOf} /></> : t('boundaries.now')}</p>
        </div>
        <ProblemNotice problem={boundaries.error} />
        <Loading loading={boundaries.loading} />
        {boundaries.data ? (
          boundaries.data.exists === false ? (
            <p data-testid="boundaries-empty">{t('boundaries.teamDidNotExist')}</p>
          ) : (
            <table data-testid="boundaries-table">
              <caption>{t('boundaries.effective')}</caption>
              <thead><tr><th scope="col">{t('boundaries.boundary')}</th><th scope="col">{t('boundaries.what')}</th><th scope="col">{t('boundaries.source')}</th></tr></thead>
              <tbody>
                {boundaries.data.effective.map(({ boundary, source }) => (
                  <tr key={boundary.boundaryId} data-testid="boundary-row">
                    <td>{boundary.title}</td>
                    <td>{describeBoundary(boundary, t)}</td>
                    <td>{t(`source.${source.level as 'team'}`)}</td>
                  </tr>
                ))}
                {boundaries.data.effective.length === 0 ? <tr><td colSpan={3}>{t('boundaries.none')}</td></tr> : null}
              </tbody>
            </table>
          )
        ) : null}
        {boundaries.data?.own.length ? (
          <ul className="stack small">
            {boundaries.data.own.map((own) => <li key={own.boundary.boundaryId}>{t('boundaries.setBy', { title: own.boundary.title, who: own.setBy, why: own.reason ?? '—' })} <When at={own.setAt} /></li>)}
          </ul>
        ) : null}
      </Section>
      <ProposalForm team={team} onDone={() => { proposals.reload(); boundaries.reload(); }} />
      <Section title={t('proposals.title')} id="proposals">
        <ProblemNotice problem={proposals.error} />
        <ul className="stack">
          {proposals.data?.proposals.map((p) => <ProposalItem key={p.proposalId} team={team} proposal={p} onDone={() => { proposals.reload(); boundaries.reload(); }} />)}
          {proposals.data && proposals.data.proposals.length === 0 ? <li className="muted">{t('proposals.none')}</li> : null}
        </ul>
      </Section>
    </div>
  );
}

function ProposalForm({ team, onDone }: { readonly team: TeamSummary; readonly onDone: () => void }) {
  const { t, api, explain } = useApp();
  const [form, setForm] = useState({ boundaryId: '', title: '', amount: '', currency: 'EUR', period: 'month', decisionArea: 'budget-spend', reason: '' });
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      await api.post(`/api/governance/teams/${team.teamId}/proposals`, {
        change: { action: 'set', boundary: { boundaryId: form.boundaryId, kind: 'financial', title: form.title, limit: { amount: Number(form.amount), currency: form.currency }, period: form.period, ...(form.decisionArea ? { decisionArea: form.decisionArea } : {}) } },
        reason: form.reason,
      });
      setDone(t('proposals.proposed'));
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <Section title={t('proposals.propose')} id="propose">
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <Success message={done} />
        <div className="row">
          <Field label={t('proposals.boundaryId')} name="change.boundary.boundaryId" problem={problem}>{(p) => <input {...p} value={form.boundaryId} onChange={set('boundaryId')} />}</Field>
          <Field label={t('proposals.boundaryTitle')} name="change.boundary.title" problem={problem}>{(p) => <input {...p} value={form.title} onChange={set('title')} />}</Field>
        </div>
        <div className="row">
          <Field label={t('decision.amount')} name="change.boundary.limit.amount" problem={problem}>{(p) => <input {...p} inputMode="decimal" value={form.amount} onChange={set('amount')} />}</Field>
          <Field label={t('decision.currency')} name="change.boundary.limit.currency" problem={problem}>{(p) => <input {...p} value={form.currency} onChange={set('currency')} maxLength={3} />}</Field>
          <Field label={t('proposals.period')} name="change.boundary.period" problem={problem}>
            {(p) => <select {...p} value={form.period} onChange={set('period')}>{['per-decision', 'month', 'quarter', 'year'].map((x) => <option key={x} value={x}>{t(`period.${x as 'month'}`)}</option>)}</select>}
          </Field>
        </div>
        <Field label={t('proposals.reason')} name="reason" problem={problem} hint={t('proposals.reasonHint')}>{(p) => <textarea {...p} rows={2} value={form.reason} onChange={set('reason')} />}</Field>
        <button type="submit">{t('proposals.submit')}</button>
      </form>
    </Section>
  );
}

function ProposalItem({ team, proposal, onDone }: { readonly team: TeamSummary; readonly proposal: Proposal; readonly onDone: () => void }) {
  const { t, api, explain, label } = useApp();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const act = async (path: string, body: unknown) => {
    setProblem(null);
    try {
      await api.post(`/api/governance/teams/${team.teamId}/proposals/${encodeURIComponent(proposal.proposalId)}/${path}`, body);
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  const boundary = proposal.change.boundary;
  return (
    <li className="item" data-testid="proposal">
      <p>
        <strong>{boundary ? `${boundary.title}: ${describeBoundary(boundary, t)}` : t('proposals.remove', { id: proposal.change.boundaryId ?? '' })}</strong>{' '}
        <Badge tone={proposal.status === 'open' ? 'info' : 'neutral'}>{label(`proposalStatus.${proposal.status}`, proposal.status)}</Badge>
      </p>
      {proposal.reason ? <p className="small">{t('proposals.why', { why: proposal.reason })}</p> : null}
      {proposal.closesAt ? <p className="small muted">{t('proposals.closesAt')} <When at={proposal.closesAt} /></p> : null}
      {proposal.status === 'open' ? (
        <div className="subform">
          <ProblemNotice problem={problem} />
          <Field label={t('proposals.objectionReason')} name="reason" problem={problem}>{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="row">
            <button type="button" onClick={() => void act('consent', {})}>{t('proposals.consent')}</button>
            <button type="button" className="button-quiet" onClick={() => void act('objections', reason.trim() ? { reason } : {})}>{t('proposals.object')}</button>
            <button type="button" className="button-quiet" onClick={() => void act('close', {})}>{t('proposals.close')}</button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
