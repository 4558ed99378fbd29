import { randomUUID } from 'node:crypto';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, pool, send, type Answer } from '../http';
import { fill, type Route, type Target } from '../target';
import { devToken } from '../../testing/standalone-process';

/**
 * Cross-tenant attacks (issue 16, phase 2): the attacker names another tenant's ids — in
 * paths and in query filters — on every route of every service, and each answer is compared
 * with the answer to the same request naming ids nobody has. Nothing may differ: not the
 * status, not the body (once the id itself, request ids, instants and minted ids are set
 * aside), and the other tenant's data never appears. (Creates naming another tenant's id
 * still answer 409 STREAM.ID_TAKEN while stream ids are global: docs/security.md, phase 2.)
 *
 * Not yet in ATTACKS of security.security.spec.ts: run once alone (88 path and 9 filter
 * attempts, 0 through), not yet twice; add `...tenancyAttacks()` there after two green runs.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** The other tenant's aggregates, by the name of the parameter that addresses them. */
interface VictimIds {
  readonly byParam: Readonly<Record<string, string>>;
  readonly token: string;
}

const post = async (url: string, token: string, path: string, body: unknown): Promise<string> => {
  const answer = await send(url, 'POST', path, { ...json(body), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  if (answer.status !== 201) throw new Error(`seeding ${path}: ${answer.status} ${answer.text}`);
  return answer.text;
};

/** The victim tenant's team (seeded by the target) plus an organisation, a rollout plan and an OKR cycle, each with a client-chosen id. */
async function seedVictim(target: Target): Promise<VictimIds> {
  const token = await devToken(target.dev.url, 'victim-corp', 'victor', ['coach', 'transformation-lead', 'admin']);
  const organisationId = randomUUID();
  const planId = randomUUID();
  const cycleId = randomUUID();
  await post(target.dev.url, token, '/api/governance/organisations', { organisationId, name: `${target.seeded.victimMarker} org` });
  await post(target.dev.url, token, '/api/governance/rollout-plans', { planId, name: `${target.seeded.victimMarker} plan` });
  await post(target.dev.url, token, '/api/okr/cycles', { cycleId, name: `${target.seeded.victimMarker} cycle`, quarter: '2031-Q1' });
  const teamId = target.seeded.victimTeamId;
  return { token, byParam: { teamId, team: teamId, organisationId, organisation: organisationId, planId, cycleId, cycle: cycleId } };
}

/** An answer as a client can compare it: the named ids, request ids, instants and minted ids set aside. */
function normalised(answer: Answer, ids: readonly string[]): string {
  let text = answer.text;
  for (const id of ids) text = text.replaceAll(id, '<named-id>');
  text = text.replace(INSTANT, '<instant>').replace(UUID, '<uuid>').replace(/"requestId":"[^"]*"/g, '"requestId":"<request>"');
  return `${answer.status} ${text}`;
}

const authorised = (target: Target, route: Route) => ({ authorization: `Bearer ${target.attacker}`, ...(route.hasBody ? { 'content-type': 'application/json' } : {}) });

/** The same request twice: once naming the victim's ids, once ids nobody has; got through when the answers differ or the victim's data shows. */
async function probe(target: Target, victim: VictimIds, route: Route, label: string, build: (value: (name: string) => string | undefined) => { path: string; body?: string }): Promise<Attempt> {
  const unknown = new Map<string, string>();
  const theirs = build((name) => victim.byParam[name]);
  const nobodys = build((name) => (victim.byParam[name] ? (unknown.get(name) ?? (unknown.set(name, randomUUID()), unknown.get(name)!)) : undefined));
  const [a, b] = [await send(target.dev.url, route.method, theirs.path, { headers: authorised(target, route), ...(theirs.body !== undefined ? { body: theirs.body } : {}) }), await send(target.dev.url, route.method, nobodys.path, { headers: authorised(target, route), ...(nobodys.body !== undefined ? { body: nobodys.body } : {}) })];
  const named = [...Object.values(victim.byParam), ...unknown.values()];
  const leaked = a.text.includes(target.seeded.victimMarker);
  const differs = normalised(a, named) !== normalised(b, named);
  return { label, gotThrough: leaked || differs || a.status >= 500, answer: differs ? `${answerOf(a.status, a.text)}  ≠  ${answerOf(b.status, b.text)}` : answerOf(a.status, a.text) };
}

const withVictimParam = (route: Route, victim: VictimIds) => route.pathParams.some((p) => victim.byParam[p]) || route.queryParams.some((q) => victim.byParam[q]);

/** Every route whose path names an aggregate — reads, updates, deletes, history — with the victim's ids and with unknown ones. */
const crossTenantPaths = (victim: () => VictimIds): Attack<Target> => ({
  attackClass: 'cross-tenant ids in paths (read, write, history)',
  run: async (target) => {
    const routes = target.routes.filter((r) => !r.isPublic && r.pathParams.some((p) => victim().byParam[p]));
    return pool(routes, 4, (route) =>
      probe(target, victim(), route, `${route.method} ${route.path}`, (value) => ({
        path: fill(route.path, (name) => value(name) ?? 'x-1'),
        ...(route.hasBody ? { body: '{}' } : {}),
      })),
    );
  },
});

/** Lists, counts, figures and exports filtered by the victim's ids: the same as filtering by ids nobody has. */
const crossTenantFilters = (victim: () => VictimIds): Attack<Target> => ({
  attackClass: 'cross-tenant ids in filters (lists, counts, exports)',
  run: async (target) => {
    const routes = target.routes.filter((r) => !r.isPublic && r.method === 'GET' && r.pathParams.length === 0 && withVictimParam(r, victim()));
    return pool(routes, 4, (route) =>
      probe(target, victim(), route, `GET ${route.path}?${route.queryParams.filter((q) => victim().byParam[q]).join('&')}`, (value) => {
        const query = route.queryParams
          .filter((q) => value(q))
          .map((q) => `${encodeURIComponent(q)}=${encodeURIComponent(value(q)!)}`)
          .join('&');
        return { path: `${route.path}?${query}` };
      }),
    );
  },
});

/** The cross-tenant classes, sharing one seeding of the victim tenant. */
export function tenancyAttacks(): Attack<Target>[] {
  let seeded: Promise<VictimIds> | undefined;
  let victim: VictimIds | undefined;
  const withVictim = (attack: (victim: () => VictimIds) => Attack<Target>): Attack<Target> => {
    const inner = attack(() => victim!);
    return {
      attackClass: inner.attackClass,
      run: async (target) => {
        victim = await (seeded ??= seedVictim(target));
        return inner.run(target);
      },
    };
  };
  return [withVictim(crossTenantPaths), withVictim(crossTenantFilters)];
}
