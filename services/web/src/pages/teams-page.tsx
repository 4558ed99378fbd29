import { useState } from 'react';
import { useApp, useLoad } from '../components/app-context';
import { Badge, Loading, ProblemNotice } from '../components/ui';
import { formatRoute } from '../lib/router';
import type { Page, TeamSummary } from './types';

const PAGE_SIZE = 20;

/** The tenant's teams, a page at a time (governance's keyset cursor). */
export function TeamsPage() {
  const { t, api, label } = useApp();
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const { data, error, loading } = useLoad(() => api.get<Page<TeamSummary>>('/api/governance/teams', { limit: PAGE_SIZE, after, sort: 'name' }), [api, after]);
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
    </div>
  );
}
