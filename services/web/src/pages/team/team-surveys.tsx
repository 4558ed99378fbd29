import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Page, TeamSummary } from '../types';

interface RoundSummary {
  readonly roundId: string;
  readonly status: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly outcome?: string | null;
  readonly instruments: readonly { instrumentId: string; version: number; title: string }[];
}
interface Round extends RoundSummary {
  readonly groupSize: number;
  readonly anonymityThreshold: number;
  readonly progress: { kind: 'not-enough-answers-yet' } | { kind: 'answered'; n: number; of: number } | { kind: 'closed'; closedAt: string };
}
interface Instrument {
  readonly instrumentId: string;
  readonly version: number;
  readonly title: string;
  readonly scale: { points: number; lowAnchor: string; highAnchor: string };
  readonly items: readonly { itemId: string; text: string }[];
}

/** The team's rounds; answer the open one anonymously, and see its progress only from the threshold up. */
export function TeamSurveys({ team }: { readonly team: TeamSummary }) {
  const { t, api, label } = useApp();
  const rounds = useLoad(() => api.get<Page<RoundSummary>>(`/api/assessment/teams/${team.teamId}/rounds`, { limit: 10 }), [api, team.teamId]);
  const openRound = rounds.data?.items.find((r) => r.status === 'open');
  return (
    <div className="grid">
      {openRound ? <OpenRound roundId={openRound.roundId} /> : <Section title={t('surveys.open')}><p className="muted">{t('surveys.noOpen')}</p></Section>}
      <Section title={t('surveys.rounds')} id="rounds">
        <ProblemNotice problem={rounds.error} />
        <Loading loading={rounds.loading} />
        <ul className="stack">
          {rounds.data?.items.map((r) => (
            <li key={r.roundId} className="item">
              {r.instruments.map((i) => i.title).join(', ')} · <When at={r.openedAt} /> · <Badge tone={r.status === 'open' ? 'info' : 'neutral'}>{label(`roundStatus.${r.status}`, r.status)}</Badge>
              {r.outcome ? <> · {label(`outcome.${r.outcome}`, r.outcome)}</> : null}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function OpenRound({ roundId }: { readonly roundId: string }) {
  const { t, api } = useApp();
  const round = useLoad(() => api.get<Round>(`/api/assessment/rounds/${roundId}`), [api, roundId]);
  const mine = useLoad(() => api.get<{ inGroup: boolean; answered: boolean }>(`/api/assessment/rounds/${roundId}/my-participation`).catch(() => null), [api, roundId]);
  const progress = round.data?.progress;
  return (
    <Section title={t('surveys.open')} id="open-round">
      <ProblemNotice problem={round.error} />
      <Loading loading={round.loading} />
      {progress ? (
        <p data-testid="round-progress" role="status">
          {progress.kind === 'not-enough-answers-yet' ? t('surveys.notEnoughYet', { threshold: round.data!.anonymityThreshold }) : progress.kind === 'answered' ? t('surveys.answered', { n: progress.n, of: progress.of }) : t('surveys.closed')}
        </p>
      ) : null}
      <p className="hint">{t('surveys.anonymous')}</p>
      {round.data && mine.data?.inGroup ? (
        mine.data.answered ? <p data-testid="already-answered">{t('surveys.youAnswered')}</p> : null
      ) : null}
      {round.data && mine.data?.inGroup ? <AnswerForm round={round.data} onDone={() => { round.reload(); mine.reload(); }} /> : round.data && mine.data && !mine.data.inGroup ? <p className="muted">{t('surveys.notInGroup')}</p> : null}
    </Section>
  );
}

function AnswerForm({ round, onDone }: { readonly round: Round; readonly onDone: () => void }) {
  const { t, api, explain } = useApp();
  const instruments = useLoad(() => Promise.all(round.instruments.map((i) => api.get<Instrument>(`/api/assessment/instruments/${i.instrumentId}/versions/${i.version}`))), [api, round.roundId]);
  const [values, setValues] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await api.put(`/api/assessment/rounds/${round.roundId}/my-answer`, {
        answers: (instruments.data ?? []).map((instrument) => ({
          instrumentId: instrument.instrumentId,
          version: instrument.version,
          responses: instrument.items.filter((item) => values[`${instrument.instrumentId}/${item.itemId}`] !== undefined).map((item) => ({ itemId: item.itemId, value: values[`${instrument.instrumentId}/${item.itemId}`]! })),
        })),
        ...(comment.trim() ? { comment } : {}),
      });
      setDone(t('surveys.thanks'));
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="survey-form">
      <ProblemNotice problem={problem} />
      <Success message={done} />
      <Loading loading={instruments.loading} />
      {instruments.data?.map((instrument, ii) => (
        <div key={instrument.instrumentId}>
          <h3>{instrument.title}</h3>
          <p className="hint">{t('surveys.scale', { points: instrument.scale.points, low: instrument.scale.lowAnchor, high: instrument.scale.highAnchor })}</p>
          {instrument.items.map((item, ij) => {
            const key = `${instrument.instrumentId}/${item.itemId}`;
            const error = problem?.fields[`answers.${ii}.responses.${ij}.value`] ?? null;
            return (
              <fieldset key={key} className="likert" data-testid="survey-item">
                <legend>{item.text}</legend>
                {Array.from({ length: instrument.scale.points }, (_, i) => i + 1).map((value) => (
                  <label key={value} className="likert-option">
                    <input type="radio" name={key} value={value} checked={values[key] === value} onChange={() => setValues((v) => ({ ...v, [key]: value }))} />
                    <span>{value}</span>
                  </label>
                ))}
                {error ? <p className="field-error">{error}</p> : null}
              </fieldset>
            );
          })}
          {problem?.fields[`answers.${ii}.responses`] ? <p className="field-error">{problem.fields[`answers.${ii}.responses`]}</p> : null}
        </div>
      ))}
      <div className="field">
        <label htmlFor="survey-comment">{t('surveys.comment')}</label>
        <textarea id="survey-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="submit">{t('surveys.submit')}</button>
    </form>
  );
}
