import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Field, ProblemNotice, Section } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Member, TeamSummary } from '../types';

interface MaturityAnswer {
  readonly developmentLevel: string;
  readonly leadershipStyle: string;
  readonly suggestedDelegationLevel: number;
}

/** The coach's task-maturity conversation: competence × commitment → development level, style and a delegation level to suggest. */
export function TeamCoaching({ team }: { readonly team: TeamSummary }) {
  const { t, api, explain, label } = useApp();
  const members = useLoad(() => api.get<{ members: readonly Member[] }>(`/api/governance/teams/${team.teamId}/members`), [api, team.teamId]);
  const [form, setForm] = useState({ memberId: '', task: '', taskTitle: '', competence: 'some', commitment: 'variable', note: '' });
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [answer, setAnswer] = useState<MaturityAnswer | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const memberIds = (members.data?.members ?? []).filter((m) => m.roles.includes('member')).map((m) => m.memberId);
  const memberId = form.memberId || memberIds[0] || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setAnswer(null);
    try {
      setAnswer(
        await api.post<MaturityAnswer>(`/api/assessment/teams/${team.teamId}/members/${encodeURIComponent(memberId)}/task-maturity`, {
          task: form.task,
          taskTitle: form.taskTitle,
          competence: form.competence,
          commitment: form.commitment,
          ...(form.note.trim() ? { note: form.note } : {}),
        }),
      );
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <Section title={t('coaching.title')} id="coaching">
      <p className="hint">{t('coaching.hint')}</p>
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem ?? members.error} />
        <div className="row">
          <Field label={t('members.member')} name="memberId" problem={problem}>
            {(p) => <select {...p} value={memberId} onChange={set('memberId')}>{memberIds.map((id) => <option key={id} value={id}>{id}</option>)}</select>}
          </Field>
          <Field label={t('coaching.task')} name="task" problem={problem} hint={t('coaching.taskHint')}>{(p) => <input {...p} value={form.task} onChange={set('task')} />}</Field>
          <Field label={t('coaching.taskTitle')} name="taskTitle" problem={problem}>{(p) => <input {...p} value={form.taskTitle} onChange={set('taskTitle')} />}</Field>
        </div>
        <div className="row">
          <Field label={t('coaching.competence')} name="competence" problem={problem}>
            {(p) => <select {...p} value={form.competence} onChange={set('competence')}>{['low', 'some', 'high'].map((x) => <option key={x} value={x}>{label(`competence.${x}`, x)}</option>)}</select>}
          </Field>
          <Field label={t('coaching.commitment')} name="commitment" problem={problem}>
            {(p) => <select {...p} value={form.commitment} onChange={set('commitment')}>{['low', 'variable', 'high'].map((x) => <option key={x} value={x}>{label(`commitmentLevel.${x}`, x)}</option>)}</select>}
          </Field>
        </div>
        <Field label={t('coaching.note')} name="note" problem={problem} hint={t('coaching.noteHint')}>{(p) => <textarea {...p} rows={2} value={form.note} onChange={set('note')} />}</Field>
        <button type="submit">{t('coaching.submit')}</button>
      </form>
      {answer ? (
        <p className="notice notice-ok" role="status" data-testid="maturity-result">
          {t('coaching.result', { level: answer.developmentLevel, style: label(`style.${answer.leadershipStyle}`, answer.leadershipStyle), delegation: answer.suggestedDelegationLevel, name: t(`level.${answer.suggestedDelegationLevel as 1}`) })}
        </p>
      ) : null}
    </Section>
  );
}
