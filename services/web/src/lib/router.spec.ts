import { formatRoute, parseRoute, TEAM_TABS, type Route } from './router';

describe('the hash router', () => {
  it('reads every page from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'teams' });
    expect(parseRoute('#/')).toEqual({ name: 'teams' });
    expect(parseRoute('#/sign-in')).toEqual({ name: 'sign-in' });
    expect(parseRoute('#/organisation')).toEqual({ name: 'organisation' });
    expect(parseRoute('#/audit')).toEqual({ name: 'audit', streamId: null });
    expect(parseRoute('#/audit/team-abc')).toEqual({ name: 'audit', streamId: 'team-abc' });
    expect(parseRoute('#/teams/t-1')).toEqual({ name: 'team', teamId: 't-1', tab: 'overview' });
    expect(parseRoute('#/teams/t-1/boundaries/')).toEqual({ name: 'team', teamId: 't-1', tab: 'boundaries' });
  });

  it('answers not-found for anything else, never a wrong page', () => {
    expect(parseRoute('#/teams/t-1/nope')).toEqual({ name: 'not-found', path: '/teams/t-1/nope' });
    expect(parseRoute('#/teams/t-1/okrs/extra')).toEqual({ name: 'not-found', path: '/teams/t-1/okrs/extra' });
    expect(parseRoute('#/sign-in/x')).toEqual({ name: 'not-found', path: '/sign-in/x' });
    expect(parseRoute('#/admin')).toEqual({ name: 'not-found', path: '/admin' });
  });

  it('keeps odd ids intact both ways', () => {
    const routes: Route[] = [
      { name: 'team', teamId: 'a b/c', tab: 'okrs' },
      { name: 'audit', streamId: 'failure-learning-report-1%2' },
      ...TEAM_TABS.map((tab): Route => ({ name: 'team', teamId: 't', tab })),
      { name: 'teams' },
      { name: 'organisation' },
      { name: 'sign-in' },
      { name: 'audit', streamId: null },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute('#/teams/%E0%A4%A')).toEqual({ name: 'team', teamId: '%E0%A4%A', tab: 'overview' });
  });
});
