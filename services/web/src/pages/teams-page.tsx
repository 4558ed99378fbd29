import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../components/app-context';
import { Badge, Field, Loading, ProblemNotice, Section, Success } from '../components/ui';
import type { ProblemView } from '../lib/problems';
import { formatRoute } from '../lib/router';
import { hasRole } from '../lib/session';
import type { Page, TeamSummary } from './types';

const PAGE_SIZE = 20;

/** The tenant's teams, a page at a time (governance's keyset cursor). */
export function TeamsPage() {
  const { t, api, label, session } = useApp();
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const { data, error, loading, reload } = useLoad(() => api.get<Page<TeamSummary>>('/api/governance/teams', { limit: PAGE_SIZE, after, sort: 'name' }), [api, after]);
  return (
    <div>
      <h1>{t('teams.title')}</h1>
      <ProblemNotice problem={error} />
      <Loading loading={loading} />
      {data ? (
        <div className="card">
          <table>
            <caption className="sr-only">{t('teams.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teams.name')}</th>
                <th scope="col">{t('teams.phase')}</th>
                <th scope="col">{t('teams.members')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((team) => (
                <tr key={team.teamId}>
                  <td><a href={formatRoute({ name: 'team', teamId: team.teamId, tab: 'overview' })}>{team.name}</a></td>
                  <td>{label(`phase.${team.phase}`, team.phase)} {team.stalled ? <Badge tone="warn">{t('teams.stalled')}</Badge> : null}</td>
                  <td>{team.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="button-quiet" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.previous')}</button>
            <button type="button" className="button-quiet" disabled={!data.next} onClick={() => data.next && setCursors((c) => [...c, data.next!])}>{t('common.next')}</button>
          </div>
        </div>
      ) : null}
      {hasRole(session, 'coach', 'transformation-lead', 'admin') ? <NewTeamForm onDone={reload} /> : null}
    </div>
  );
}

/** A new team (coaches, transformation leads, admins): `POST /api/governance/teams`. */
function NewTeamForm({ onDone }: { readonly onDone: () => void }) {
  const { t, api, explain } = useApp();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      await api.post('/api/governance/teams', { name, ...(purpose.trim() ? { purpose } : {}) });
      setDone(t('teams.created', { name: name.trim() }));
      setName('');
      setPurpose('');
      onDone();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <Section title={t('teams.new')} id="new-team">
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <Success message={done} />
        <Field label={t('teams.newName')} name="name" problem={problem}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('teams.newPurpose')} name="purpose" problem={problem}>{(p) => <textarea {...p} rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}</Field>
        <button type="submit">{t('teams.create')}</button>
      </form>
    </Section>
  );
}
