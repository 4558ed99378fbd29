// A tiny hash router: the whole route lives after `#`, so any static server (standalone, nginx)
// serves the app from index.html without knowing its routes. Pure functions, tested in router.spec.ts.

export const TEAM_TABS = ['overview', 'okrs', 'failures', 'delegation', 'boundaries', 'members', 'surveys', 'coaching'] as const;
export type TeamTab = (typeof TEAM_TABS)[number];

export type Route =
  | { readonly name: 'sign-in' }
  | { readonly name: 'teams' }
  | { readonly name: 'team'; readonly teamId: string; readonly tab: TeamTab }
  | { readonly name: 'organisation' }
  | { readonly name: 'audit'; readonly streamId: string | null }
  | { readonly name: 'not-found'; readonly path: string };

const isTab = (value: string | undefined): value is TeamTab => (TEAM_TABS as readonly string[]).includes(value ?? '');

/** `#/teams/<id>/okrs` → the route. An empty hash is the teams list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  const parts = path === '' ? [] : path.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  const [first, second, third, ...rest] = parts;
  if (first === undefined || (first === 'teams' && second === undefined)) return { name: 'teams' };
  if (first === 'sign-in' && second === undefined) return { name: 'sign-in' };
  if (first === 'organisation' && second === undefined) return { name: 'organisation' };
  if (first === 'audit' && third === undefined) return { name: 'audit', streamId: second ?? null };
  if (first === 'teams' && second !== undefined && rest.length === 0) {
    if (third === undefined) return { name: 'team', teamId: second, tab: 'overview' };
    if (isTab(third)) return { name: 'team', teamId: second, tab: third };
  }
  return { name: 'not-found', path: `/${path}` };
}

/** The route → its hash; `parseRoute(formatRoute(r))` is `r`. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'sign-in':
      return '#/sign-in';
    case 'teams':
      return '#/teams';
    case 'organisation':
      return '#/organisation';
    case 'audit':
      return route.streamId === null ? '#/audit' : `#/audit/${encodeURIComponent(route.streamId)}`;
    case 'team':
      return route.tab === 'overview' ? `#/teams/${encodeURIComponent(route.teamId)}` : `#/teams/${encodeURIComponent(route.teamId)}/${route.tab}`;
    case 'not-found':
      return `#${route.path}`;
  }
}
