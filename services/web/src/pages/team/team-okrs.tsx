import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Field, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Page, TeamSummary } from '../types';

interface ObjectiveSummary {
  readonly objectiveId: string;
  readonly title: string;
  readonly commitment: string;
  readonly progress: number | null;
  readonly status: string | null;
  readonly grade: { score: number; achieved: boolean } | null;
}
interface KeyResult {
  readonly keyResultId: string;
  readonly definition: { title: string; measure: { kind: string; start?: number; target?: number; unit?: string } };
  readonly latestCheckIn: { value: unknown; confidence: number; status: string; checkedInAt: string } | null;
  readonly progress: number | null;
  readonly openBlockerIds: readonly string[];
}
interface Objective extends ObjectiveSummary {
  readonly keyResults: readonly KeyResult[];
}

export const statusTone = (status: string | null | undefined) => (status === 'on-track' ? 'ok' : status === 'behind' ? 'warn' : status === 'at-risk' ? 'bad' : 'neutral');

export function TeamOkrs({ team }: { readonly team: TeamSummary }) {
  const { t, api, label } = useApp();
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const after = cursors[cursors.length - 1];
  const list = useLoad(() => api.get<Page<ObjectiveSummary>>('/api/okr/objectives', { ownerId: team.teamId, limit: 10, after }), [api, team.teamId, after]);
  return (
    <Section title={t('okrs.title')} id="okrs">
      <ProblemNotice problem={list.error} />
      <Loading loading={list.loading} />
      <ul className="stack">
        {list.data?.items.map((objective) => (
          <li key={objective.objectiveId} className="item" data-testid="objective">
            <div className="item-head">
              <button type="button" className="button-link" aria-expanded={open === objective.objectiveId} onClick={() => setOpen(open === objective.objectiveId ? null : objective.objectiveId)}>
                {objective.title}
              </button>
              <Badge tone="neutral">{label(`commitment.${objective.commitment}`, objective.commitment)}</Badge>
              {objective.status ? <Badge tone={statusTone(objective.status)}>{label(`status.${objective.status}`, objective.status)}</Badge> : null}
              {objective.grade ? <Badge tone="info">{t('okrs.graded', { score: objective.grade.score.toFixed(1) })}</Badge> : null}
            </div>
            <Progress value={objective.progress} />
            {open === objective.objectiveId ? <ObjectiveDetail objectiveId={objective.objectiveId} /> : null}
          </li>
        ))}
      </ul>
      <div className="pager">
        <button type="button" className="button-quiet" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.previous')}</button>
        <button type="button" className="button-quiet" disabled={!list.data?.next} onClick={() => list.data?.next && setCursors((c) => [...c, list.data!.next!])}>{t('common.next')}</button>
      </div>
    </Section>
  );
}

export function Progress({ value }: { readonly value: number | null | undefined }) {
  const { t } = useApp();
  const percent = value === null || value === undefined ? null : Math.round(Math.min(Math.max(value, 0), 1) * 100);
  return percent === null ? (
    <p className="muted small">{t('okrs.noProgress')}</p>
  ) : (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('okrs.progress')}>
      <div className="progress-bar" style={{ width: `${percent}%` }} />
      <span className="progress-text">{percent}%</span>
    </div>
  );
}

function ObjectiveDetail({ objectiveId }: { readonly objectiveId: string }) {
  const { t, api, label } = useApp();
  const detail = useLoad(() => api.get<Objective>(`/api/okr/objectives/${objectiveId}`), [api, objectiveId]);
  return (
    <div className="detail">
      <ProblemNotice problem={detail.error} />
      <Loading loading={detail.loading} />
      {detail.data?.keyResults.map((kr) => (
        <div key={kr.keyResultId} className="kr" data-testid="key-result">
          <h3>{kr.definition.title}</h3>
          <p className="small">
            {kr.latestCheckIn ? (
              <>
                {t('okrs.latest')}: {String(kr.latestCheckIn.value)} · {t('okrs.confidence')} {kr.latestCheckIn.confidence}/10 ·{' '}
                <Badge tone={statusTone(kr.latestCheckIn.status)}>{label(`status.${kr.latestCheckIn.status}`, kr.latestCheckIn.status)}</Badge> · <When at={kr.latestCheckIn.checkedInAt} />
              </>
            ) : (
              t('okrs.noCheckIn')
            )}
            {kr.openBlockerIds.length > 0 ? <> · <Badge tone="warn">{t('okrs.openBlockers', { n: kr.openBlockerIds.length })}</Badge></> : null}
          </p>
          <Progress value={kr.progress} />
          {detail.data!.grade ? null : <CheckInForm objectiveId={objectiveId} keyResult={kr} onDone={detail.reload} />}
        </div>
      ))}
    </div>
  );
}

function CheckInForm({ objectiveId, keyResult, onDone }: { readonly objectiveId: string; readonly keyResult: KeyResult; readonly onDone: () => void }) {
  const { t, api, explain, label } = useApp();
  const [value, setValue] = useState('');
  const [confidence, setConfidence] = useState('7');
  const [comment, setComment] = useState('');
  const [blockers, setBlockers] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const milestone = keyResult.definition.measure.kind === 'milestone';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const blockerList = blockers.split('\n').map((line) => line.trim()).filter(Boolean).map((description) => ({ description }));
    try {
      const answer = await api.post<{ status: string }>(`/api/okr/objectives/${objectiveId}/key-results/${encodeURIComponent(keyResult.keyResultId)}/check-ins`, {
        value: milestone ? value === 'true' : value === '' || keyResult.definition.measure.kind === 'ordinal' ? value : Number(value),
        confidence: Number(confidence),
        ...(comment.trim() ? { comment } : {}),
        ...(blockerList.length ? { blockers: blockerList } : {}),
      });
      setDone(t('okrs.checkedIn', { status: label(`status.${answer.status}`, answer.status) }));
      setValue('');
      setComment('');
      setBlockers('');
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  const name = (suffix: string) => `checkin-${keyResult.keyResultId}-${suffix}`;
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label={t('okrs.checkInFor', { title: keyResult.definition.title })}>
      <ProblemNotice problem={problem} />
      <Success message={done} />
      <div className="row">
        <Field label={t('okrs.value')} name="value" problem={problem} hint={keyResult.definition.measure.unit ? t('okrs.valueHint', { unit: keyResult.definition.measure.unit, target: keyResult.definition.measure.target ?? '' }) : undefined}>
          {(props) => <input {...props} data-testid={name('value')} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field label={t('okrs.confidence')} name="confidence" problem={problem} hint={t('okrs.confidenceHint')}>
          {(props) => <input {...props} data-testid={name('confidence')} type="number" min={0} max={10} value={confidence} onChange={(e) => setConfidence(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('okrs.comment')} name="comment" problem={problem}>
        {(props) => <textarea {...props} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Field label={t('okrs.blockers')} name="blockers" problem={problem} hint={t('okrs.blockersHint')}>
        {(props) => <textarea {...props} data-testid={name('blockers')} rows={2} value={blockers} onChange={(e) => setBlockers(e.target.value)} />}
      </Field>
      <button type="submit">{t('okrs.checkIn')}</button>
    </form>
  );
}
