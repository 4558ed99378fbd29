import { readFileSync, writeFileSync } from 'node:fs';
import { AuditModule } from '@leerzone/audit';
import { PlatformModule, ROLES, routePoliciesOf, type RoutePolicy } from '@leerzone/nest-platform';
import { STANDALONE_SERVICES } from '../standalone.services';

export const TABLE_START = '<!-- security-routes:start (generated from the access decorators by services/standalone/src/docs/write-security-routes.ts; do not edit) -->';
export const TABLE_END = '<!-- security-routes:end -->';

const unused = async (): Promise<never> => {
  throw new Error('Only the module tree is read, nothing is opened.');
};

/**
 * Every route a process hosting all services mounts — the platform's (health, the
 * development issuer), the audit API and each service's — with its declared access policy,
 * read from the decorators without starting anything.
 */
export function allRoutePolicies(): RoutePolicy[] {
  return routePoliciesOf([
    PlatformModule.forRoot({ auth: { devIssuer: { keyFile: 'unused' } }, eventStore: unused, projectionStore: unused }),
    AuditModule.forRoot({}),
    ...STANDALONE_SERVICES.map((service) => service.module),
  ]);
}

const escape = (text: string) => text.replace(/\|/g, '\\|');
const order = (a: RoutePolicy, b: RoutePolicy) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method);
const areaOf = (route: RoutePolicy) => (route.path.startsWith('/api/') ? route.path.split('/')[2]! : 'platform');

/**
 * The route × role table of docs/security.md: per area, one row per route, a column per
 * tenant-wide role — ✓ the role passes, ○ every verified user passes and the use case
 * decides (last column), blank refused (403) — and what the use case checks besides.
 */
export function renderRouteTable(routes: readonly RoutePolicy[]): string {
  const header = `| route | ${ROLES.join(' | ')} | the use case also checks |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const row = (route: RoutePolicy) => {
    const { policy } = route;
    const cells = ROLES.map((role) => (policy.public ? 'public' : policy.roles === 'any' ? '○' : policy.roles?.includes(role) ? '✓' : policy.roles === undefined ? 'NO POLICY' : ''));
    const team = policy.team ? `in team \`:${policy.team.param}\` as ${policy.team.teamRoles.join(' or ')}` : '';
    const also = [team, policy.why ?? ''].filter((s) => s.length > 0).join('; ');
    return `| \`${route.method} ${route.path}\` | ${cells.join(' | ')} | ${escape(also)} |`;
  };
  const areas = [...new Set(routes.map(areaOf))].sort((a, b) => (a === 'platform' ? -1 : b === 'platform' ? 1 : a.localeCompare(b)));
  const sections = areas.map((area) => [`**${area}** (${routes.filter((r) => areaOf(r) === area).length} routes)`, '', header, rule, ...routes.filter((r) => areaOf(r) === area).sort(order).map(row)].join('\n'));
  return [TABLE_START, '', `${routes.length} routes. ✓ the role passes; ○ every verified user of the tenant passes and the use case decides; blank: refused with 403 \`AUTH.FORBIDDEN\`; "in team" — the caller's role in that team (governance's membership) is checked by the use case.`, '', sections.join('\n\n'), '', TABLE_END].join('\n');
}

/** The document with the table between its markers replaced. */
export function withRouteTable(document: string, table: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/security.md has no ${TABLE_START} … ${TABLE_END} markers.`);
  return document.slice(0, start) + table + document.slice(end + TABLE_END.length);
}

/** Writes the table into the file (or, with `check`, says whether it is stale). */
export function writeRouteTable(file: string, options: { check?: boolean } = {}): { stale: boolean } {
  const current = readFileSync(file, 'utf8');
  const next = withRouteTable(current, renderRouteTable(allRoutePolicies()));
  if (!options.check && next !== current) writeFileSync(file, next);
  return { stale: next !== current };
}
