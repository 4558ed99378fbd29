import { useEffect, useRef, useState } from 'react';
import { useApp } from './components/app-context';
import { formatRoute, parseRoute, type Route } from './lib/router';
import { isAnalyticsReader } from './lib/session';
import { AuditPage } from './pages/audit-page';
import { OrganisationPage } from './pages/organisation-page';
import { SignInPage } from './pages/sign-in-page';
import { TeamPage } from './pages/team-page';
import { TeamsPage } from './pages/teams-page';

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const { t, language, setLanguage, session, signOut } = useApp();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to its content, so keyboard and screen-reader users start there.
  useEffect(() => {
    main.current?.focus();
  }, [route]);
  const page = !session ? <SignInPage /> : pageFor(route);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        {t('nav.skip')}
      </a>
      <header className="top">
        <a className="brand" href={formatRoute({ name: 'teams' })}>
          Leerzone
        </a>
        {session ? (
          <nav aria-label={t('nav.label')}>
            <ul>
              <li><a href={formatRoute({ name: 'teams' })} aria-current={route.name === 'teams' || route.name === 'team' ? 'page' : undefined}>{t('nav.teams')}</a></li>
              {isAnalyticsReader(session) ? <li><a href={formatRoute({ name: 'organisation' })} aria-current={route.name === 'organisation' ? 'page' : undefined}>{t('nav.organisation')}</a></li> : null}
              <li><a href={formatRoute({ name: 'audit', streamId: null })} aria-current={route.name === 'audit' ? 'page' : undefined}>{t('nav.audit')}</a></li>
            </ul>
          </nav>
        ) : null}
        <div className="top-tools">
          <label className="inline">
            <span>{t('nav.language')}</span>
            <select value={language} onChange={(event) => setLanguage(event.target.value === 'nl' ? 'nl' : 'en')} data-testid="language">
              <option value="en">English</option>
              <option value="nl">Nederlands</option>
            </select>
          </label>
          {session ? (
            <>
              <span className="muted small" data-testid="signed-in-as">{t('nav.signedInAs', { user: session.userId, tenant: session.tenantId })}</span>
              <button type="button" className="button-quiet" onClick={() => signOut()}>{t('nav.signOut')}</button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function pageFor(route: Route) {
  switch (route.name) {
    case 'sign-in':
    case 'teams':
      return <TeamsPage />;
    case 'team':
      return <TeamPage teamId={route.teamId} tab={route.tab} />;
    case 'organisation':
      return <OrganisationPage />;
    case 'audit':
      return <AuditPage streamId={route.streamId} />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useApp();
  return (
    <div className="card">
      <h1>{t('notFound.title')}</h1>
      <p><a href={formatRoute({ name: 'teams' })}>{t('notFound.back')}</a></p>
    </div>
  );
}
