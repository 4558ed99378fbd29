import { useApp, useLoad } from '../components/app-context';
import { Badge, Loading, ProblemNotice } from '../components/ui';
import { formatRoute, TEAM_TABS, type TeamTab } from '../lib/router';
import { TeamBoundaries } from './team/team-boundaries';
import { TeamCoaching } from './team/team-coaching';
import { TeamDelegation } from './team/team-delegation';
import { TeamFailures } from './team/team-failures';
import { TeamMembers } from './team/team-members';
import { TeamOkrs } from './team/team-okrs';
import { TeamOverview } from './team/team-overview';
import { TeamSurveys } from './team/team-surveys';
import type { TeamSummary } from './types';

export function TeamPage({ teamId, tab }: { readonly teamId: string; readonly tab: TeamTab }) {
  const { t, api, label } = useApp();
  const { data: team, error, loading } = useLoad(() => api.get<TeamSummary>(`/api/governance/teams/${encodeURIComponent(teamId)}`), [api, teamId]);
  return (
    <div>
      <ProblemNotice problem={error} />
      <Loading loading={loading && !team} />
      {team ? (
        <>
          <header className="page-head">
            <h1>{team.name}</h1>
            <p>
              {t('team.phase')}: <strong data-testid="team-phase">{label(`phase.${team.phase}`, team.phase)}</strong> {team.stalled ? <Badge tone="warn">{t('teams.stalled')}</Badge> : null} · {t('team.memberCount', { n: team.memberCount })} ·{' '}
              <a href={formatRoute({ name: 'audit', streamId: team.streamId })}>{t('team.history')}</a>
            </p>
          </header>
          <nav className="tabs" aria-label={t('team.sections')}>
            <ul>
              {TEAM_TABS.map((name) => (
                <li key={name}>
                  <a href={formatRoute({ name: 'team', teamId, tab: name })} aria-current={name === tab ? 'page' : undefined}>
                    {t(`tab.${name}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <TeamTabContent team={team} tab={tab} />
        </>
      ) : null}
    </div>
  );
}

function TeamTabContent({ team, tab }: { readonly team: TeamSummary; readonly tab: TeamTab }) {
  switch (tab) {
    case 'overview':
      return <TeamOverview team={team} />;
    case 'okrs':
      return <TeamOkrs team={team} />;
    case 'failures':
      return <TeamFailures team={team} />;
    case 'delegation':
      return <TeamDelegation team={team} />;
    case 'boundaries':
      return <TeamBoundaries team={team} />;
    case 'members':
      return <TeamMembers team={team} />;
    case 'surveys':
      return <TeamSurveys team={team} />;
    case 'coaching':
      return <TeamCoaching team={team} />;
  }
}
