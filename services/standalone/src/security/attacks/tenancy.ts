import { randomUUID } from 'node:crypto';
import { tenantStreamId } from '@leerzone/kernel';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, pool, send, type Answer } from '../http';
import { fill, type Route, type Target } from '../target';
import { devToken } from '../../testing/standalone-process';

/**
 * Cross-tenant attacks (issue 16): the attacker names another tenant's ids — in paths, in
 * query filters, in request bodies and as the ids of new aggregates — on every route of
 * every service, and each answer is compared with the answer to the same request naming ids
 * nobody has. Nothing may differ: not the status, not the body (once the id itself, request
 * ids, instants and minted ids are set aside), and the other tenant's data never appears.
 * Stream ids and read-model keys are scoped by tenant, so creating an aggregate under an id
 * another tenant already uses answers 201, exactly like a fresh id, and changes nothing of
 * theirs (docs/security.md).
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** The other tenant's aggregates, by the name of the parameter that addresses them. */
interface VictimIds {
  readonly byParam: Readonly<Record<string, string>>;
  readonly token: string;
}

/** The attacker's own aggregates, for requests that name another tenant's ids in their bodies. */
interface OwnIds {
  readonly teamId: string;
  readonly organisationId: string;
  readonly unitId: string;
  readonly planId: string;
  readonly cycleId: string;
}

const authorisedJson = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

const post = async (url: string, token: string, path: string, body: unknown): Promise<string> => {
  const answer = await send(url, 'POST', path, { ...json(body), headers: authorisedJson(token) });
  if (answer.status !== 201) throw new Error(`seeding ${path}: ${answer.status} ${answer.text}`);
  return answer.text;
};

/** A cycle quarter far ahead, so that seeding never meets a cycle of today. */
const QUARTER = '2031-Q1';

/** An organisation with one unit, a rollout plan and an OKR cycle in `tenant`, each with a client-chosen id. */
async function seedTenant(url: string, token: string, marker: string) {
  const ids = { organisationId: randomUUID(), unitId: randomUUID(), planId: randomUUID(), cycleId: randomUUID() };
  await post(url, token, '/api/governance/organisations', { organisationId: ids.organisationId, name: `${marker} org` });
  await post(url, token, `/api/governance/organisations/${ids.organisationId}/units`, { unitId: ids.unitId, name: `${marker} unit` });
  await post(url, token, '/api/governance/rollout-plans', { planId: ids.planId, name: `${marker} plan` });
  await post(url, token, '/api/okr/cycles', { cycleId: ids.cycleId, name: `${marker} cycle`, quarter: QUARTER });
  return ids;
}

const victimToken = (target: Target) => devToken(target.dev.url, 'victim-corp', 'victor', ['coach', 'transformation-lead', 'admin']);

/** The victim tenant's team (seeded by the target) plus an organisation with a unit, a rollout plan and an OKR cycle. */
async function seedVictim(target: Target): Promise<VictimIds> {
  const token = await victimToken(target);
  const { organisationId, unitId, planId, cycleId } = await seedTenant(target.dev.url, token, target.seeded.victimMarker);
  const teamId = target.seeded.victimTeamId;
  // Their team's stream, as the audit API addresses it (the attacker holds the auditor role too).
  const streamId = tenantStreamId('team-', 'victim-corp', teamId);
  return { token, byParam: { teamId, team: teamId, organisationId, organisation: organisationId, unitId, unit: unitId, planId, cycleId, cycle: cycleId, streamId } };
}

async function seedOwn(target: Target): Promise<OwnIds> {
  const { organisationId, unitId, planId, cycleId } = await seedTenant(target.dev.url, target.attacker, 'Mallory');
  return { teamId: target.seeded.ownTeamId, organisationId, unitId, planId, cycleId };
}

/**
 * An answer as a client can compare it: the named ids, request ids, instants, minted ids and
 * global positions (the store's count of every tenant's events, which moves between any two
 * requests) set aside.
 */
function normalised(answer: Answer, ids: readonly string[]): string {
  let text = answer.text;
  // Named as sent and as a path echoes it (`instance`, URI-encoded); longest first, as a stream id holds a team id.
  for (const id of [...ids].sort((x, y) => y.length - x.length)) text = text.replaceAll(id, '<named-id>').replaceAll(encodeURIComponent(id), '<named-id>');
  text = text
    .replace(INSTANT, '<instant>')
    .replace(UUID, '<uuid>')
    .replace(/"requestId":"[^"]*"/g, '"requestId":"<request>"')
    .replace(/"globalPosition":\d+/g, '"globalPosition":"<n>"');
  return `${answer.status} ${text}`;
}

interface Probe {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
}

/** An id nobody has, of the same form as the victim's: a stream id is a team stream's, of the victim's tenant. */
const unknownOf = (name: string): string => (name === 'streamId' ? tenantStreamId('team-', 'victim-corp', randomUUID()) : randomUUID());

/** The same request twice: once naming the victim's ids, once ids nobody has; got through when the answers differ or the victim's data shows. */
async function probe(target: Target, victim: VictimIds, label: string, build: (value: (name: string) => string | undefined) => Probe): Promise<Attempt> {
  const unknown = new Map<string, string>();
  const theirs = build((name) => victim.byParam[name]);
  const nobodys = build((name) => (victim.byParam[name] ? (unknown.get(name) ?? (unknown.set(name, unknownOf(name)), unknown.get(name)!)) : undefined));
  const ask = (request: Probe) =>
    send(target.dev.url, request.method, request.path, { headers: { authorization: `Bearer ${target.attacker}`, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(request.body !== undefined ? { body: request.body } : {}) });
  const a = await ask(theirs);
  const b = await ask(nobodys);
  const named = [...Object.values(victim.byParam), ...unknown.values()];
  const leaked = a.text.includes(target.seeded.victimMarker);
  const differs = normalised(a, named) !== normalised(b, named);
  return { label, gotThrough: leaked || differs || a.status >= 500, answer: differs ? `${answerOf(a.status, a.text)}  ≠  ${answerOf(b.status, b.text)}` : answerOf(a.status, a.text) };
}

const namesVictim = (route: Route, victim: VictimIds) => route.pathParams.some((p) => victim.byParam[p]);
const isExport = (route: Route) => /\/exports?(\/|$)/.test(route.path);

/** Routes whose path names an aggregate, with the victim's ids and with unknown ones. */
const crossTenantPaths = (attackClass: string, which: (route: Route) => boolean) => (victim: () => VictimIds): Attack<Target> => ({
  attackClass,
  run: async (target) => {
    const routes = target.routes.filter((r) => !r.isPublic && !isExport(r) && namesVictim(r, victim()) && which(r));
    return pool(routes, 4, (route) =>
      probe(target, victim(), `${route.method} ${route.path}`, (value) => ({
        method: route.method,
        path: fill(route.path, (name) => value(name) ?? 'x-1'),
        ...(route.hasBody ? { body: '{}' } : {}),
      })),
    );
  },
});

const queryOf = (params: readonly string[], value: (name: string) => string | undefined, extra: Record<string, string> = {}) =>
  [...params.filter((q) => value(q)).map((q) => [q, value(q)!] as const), ...Object.entries(extra)].map(([q, v]) => `${encodeURIComponent(q)}=${encodeURIComponent(v)}`).join('&');

/** Lists, counts and figures filtered by the victim's ids: the same as filtering by ids nobody has. */
const crossTenantFilters = (victim: () => VictimIds): Attack<Target> => ({
  attackClass: 'cross-tenant lists and counts (filters naming their ids)',
  run: async (target) => {
    const routes = target.routes.filter((r) => !r.isPublic && !isExport(r) && r.method === 'GET' && r.pathParams.length === 0 && r.queryParams.some((q) => victim().byParam[q]));
    return pool(routes, 4, (route) =>
      probe(target, victim(), `GET ${route.path}?${route.queryParams.filter((q) => victim().byParam[q]).join('&')}`, (value) => ({ method: 'GET', path: `${route.path}?${queryOf(route.queryParams, value)}` })),
    );
  },
});

/** The governance export's datasets: the one path parameter of an export that is not an id. */
const DATASETS = ['decisions', 'boundary-changes', 'consent-outcomes'];

/** Every export, unfiltered and filtered by each of the victim's ids, in each format: the victim's data never shows, and their ids export like unknown ones. */
const crossTenantExports = (victim: () => VictimIds): Attack<Target> => ({
  attackClass: 'cross-tenant exports',
  run: async (target) => {
    const attempts: Attempt[] = [];
    for (const route of target.routes.filter((r) => !r.isPublic && r.method === 'GET' && isExport(r))) {
      for (const dataset of route.pathParams.includes('dataset') ? DATASETS : [undefined]) {
        const path = fill(route.path, (name) => (name === 'dataset' ? dataset! : 'x-1'));
        for (const format of route.queryParams.includes('format') ? ['csv', 'ndjson'] : [undefined]) {
          const extra: Record<string, string> = format ? { format } : {};
          const label = `GET ${path}${format ? ` (${format})` : ''}`;
          const whole = await send(target.dev.url, 'GET', `${path}?${queryOf([], () => undefined, extra)}`, { headers: { authorization: `Bearer ${target.attacker}` } });
          attempts.push({ label: `${label}, unfiltered`, gotThrough: whole.text.includes(target.seeded.victimMarker) || whole.status >= 500, answer: answerOf(whole.status, whole.text) });
          for (const param of route.queryParams.filter((q) => victim().byParam[q])) {
            attempts.push(await probe(target, victim(), `${label} ?${param}`, (value) => ({ method: 'GET', path: `${path}?${queryOf([param], value, extra)}` })));
          }
        }
      }
    }
    return attempts;
  },
});

/**
 * Well-formed requests that name the victim's ids in their bodies — a unit to put a team or
 * plan in, a team to schedule, a cycle or owner of an objective, a team to survey, a parent
 * unit — or in their paths with a valid body of the attacker's own ids answer exactly as when
 * they name ids nobody has: an existence check never looks beyond the tenant, whichever
 * check a route makes first.
 */
const crossTenantBodies = (victim: () => VictimIds, own: () => OwnIds): Attack<Target> => ({
  attackClass: 'cross-tenant ids in request bodies (existence probes)',
  run: async (target) => {
    const o = own();
    const objective = (cycleId: string, owner: { kind: string; id: string }) => ({ cycleId, level: owner.kind === 'team' ? 'team' : 'unit', owner, title: 'Probe objective', commitment: 'committed' });
    type Value = (name: string) => string;
    const at = (path: string) => () => path;
    const requests: Array<{ method: string; path: (value: Value) => string; body: (value: Value) => unknown }> = [
      { method: 'POST', path: at('/api/governance/teams'), body: (v) => ({ name: 'Probe team', unitId: v('unitId') }) },
      { method: 'PUT', path: at(`/api/governance/teams/${o.teamId}/unit`), body: (v) => ({ unitId: v('unitId'), reason: 'probe' }) },
      { method: 'PUT', path: (v) => `/api/governance/teams/${v('teamId')}/unit`, body: () => ({ unitId: o.unitId, reason: 'probe' }) },
      { method: 'PATCH', path: (v) => `/api/governance/teams/${v('teamId')}`, body: () => ({ name: 'Probe rename' }) },
      { method: 'POST', path: (v) => `/api/governance/teams/${v('teamId')}/members`, body: () => ({ memberId: 'mallory' }) },
      { method: 'POST', path: at('/api/governance/rollout-plans'), body: (v) => ({ name: 'Probe plan', unitId: v('unitId') }) },
      { method: 'POST', path: at(`/api/governance/rollout-plans/${o.planId}/teams`), body: (v) => ({ teamId: v('teamId'), wave: 'pilot', plannedStartOn: '2031-01-06' }) },
      { method: 'POST', path: (v) => `/api/governance/rollout-plans/${v('planId')}/teams`, body: () => ({ teamId: o.teamId, wave: 'pilot', plannedStartOn: '2031-01-06' }) },
      { method: 'POST', path: at(`/api/governance/organisations/${o.organisationId}/units`), body: (v) => ({ name: 'Probe unit', parentUnitId: v('unitId') }) },
      { method: 'POST', path: (v) => `/api/governance/organisations/${v('organisationId')}/units`, body: () => ({ name: 'Probe unit' }) },
      { method: 'POST', path: at('/api/okr/objectives'), body: (v) => objective(v('cycleId'), { kind: 'team', id: o.teamId }) },
      { method: 'POST', path: at('/api/okr/objectives'), body: (v) => objective(o.cycleId, { kind: 'team', id: v('teamId') }) },
      { method: 'POST', path: at('/api/okr/objectives'), body: (v) => objective(o.cycleId, { kind: 'unit', id: v('unitId') }) },
      { method: 'POST', path: at('/api/assessment/rounds'), body: (v) => ({ teamId: v('teamId'), instruments: [{ instrumentId: 'psychological-safety', version: 1 }] }) },
    ];
    const placeholder: Value = (name) => `<their ${name}>`;
    return pool(requests, 4, (request) =>
      probe(target, victim(), `${request.method} ${request.path(placeholder)} ${JSON.stringify(request.body(placeholder))}`, (value) => ({
        method: request.method,
        path: request.path((name) => value(name)!),
        body: JSON.stringify(request.body((name) => value(name)!)),
      })),
    );
  },
});

/**
 * Creating an aggregate under an id another tenant already uses: 201 like a fresh id (never
 * 409, which would confirm the id), and the other tenant's aggregate is unchanged after.
 */
const createWithTheirIds = (): Attack<Target> => ({
  attackClass: "cross-tenant creates with another tenant's ids",
  run: async (target) => {
    // Their own ids for this class: the attacker now holds these ids, so no other class may probe them.
    const victim = await victimToken(target);
    const theirs = await seedTenant(target.dev.url, victim, target.seeded.victimMarker);
    const teamId = randomUUID();
    await post(target.dev.url, victim, '/api/governance/teams', { teamId, name: `${target.seeded.victimMarker} twin` });
    // Two organisations of the attacker's, so that the unit named by their id and the one named by a fresh id are each an organisation's first.
    const ownOrganisations = { theirs: randomUUID(), fresh: randomUUID() };
    for (const organisationId of Object.values(ownOrganisations)) await post(target.dev.url, target.attacker, '/api/governance/organisations', { organisationId, name: 'Mallory twin org' });
    const victimView = async () =>
      Promise.all(
        [`/api/governance/teams/${teamId}`, `/api/governance/organisations/${theirs.organisationId}`, `/api/governance/rollout-plans/${theirs.planId}`, `/api/okr/cycles/${theirs.cycleId}`].map(async (path) => {
          const answer = await send(target.dev.url, 'GET', path, { headers: { authorization: `Bearer ${victim}` } });
          return `${answer.status} ${answer.text.replace(/"requestId":"[^"]*"/g, '')}`;
        }),
      );
    const before = await victimView();
    const at = (path: string) => () => path;
    const creates: Array<{ path: (which: 'theirs' | 'fresh') => string; body: (id: string) => unknown; id: string }> = [
      { path: at('/api/governance/teams'), id: teamId, body: (id) => ({ teamId: id, name: 'Mallory twin' }) },
      { path: at('/api/governance/organisations'), id: theirs.organisationId, body: (id) => ({ organisationId: id, name: 'Mallory twin org' }) },
      { path: (which) => `/api/governance/organisations/${ownOrganisations[which]}/units`, id: theirs.unitId, body: (id) => ({ unitId: id, name: 'Mallory twin unit' }) },
      { path: at('/api/governance/rollout-plans'), id: theirs.planId, body: (id) => ({ planId: id, name: 'Mallory twin plan' }) },
      { path: at('/api/okr/cycles'), id: theirs.cycleId, body: (id) => ({ cycleId: id, name: 'Mallory twin cycle', quarter: QUARTER }) },
    ];
    const attempts: Attempt[] = [];
    for (const create of creates) {
      const fresh = randomUUID();
      const named = [create.id, fresh, ...Object.values(ownOrganisations)];
      const a = await send(target.dev.url, 'POST', create.path('theirs'), { ...json(create.body(create.id)), headers: authorisedJson(target.attacker) });
      const b = await send(target.dev.url, 'POST', create.path('fresh'), { ...json(create.body(fresh)), headers: authorisedJson(target.attacker) });
      const differs = normalised(a, named) !== normalised(b, named);
      attempts.push({ label: `POST ${create.path('theirs')} with their id`, gotThrough: a.status !== 201 || differs || a.text.includes(target.seeded.victimMarker), answer: differs ? `${answerOf(a.status, a.text)}  ≠  ${answerOf(b.status, b.text)}` : answerOf(a.status, a.text) });
    }
    const after = await victimView();
    attempts.push({ label: "their aggregates after the creates", gotThrough: JSON.stringify(after) !== JSON.stringify(before) || !after.every((a) => a.startsWith('200 ')), answer: after.join(' | ').slice(0, 300) });
    return attempts;
  },
});

/** The cross-tenant classes, sharing one seeding of the victim tenant and of the attacker's own aggregates. */
export function tenancyAttacks(): Attack<Target>[] {
  let seeded: Promise<{ victim: VictimIds; own: OwnIds }> | undefined;
  let ids: { victim: VictimIds; own: OwnIds } | undefined;
  const withVictim = (attack: (victim: () => VictimIds, own: () => OwnIds) => Attack<Target>): Attack<Target> => {
    const inner = attack(
      () => ids!.victim,
      () => ids!.own,
    );
    return {
      attackClass: inner.attackClass,
      run: async (target) => {
        ids = await (seeded ??= (async () => ({ victim: await seedVictim(target), own: await seedOwn(target) }))());
        return inner.run(target);
      },
    };
  };
  return [
    withVictim(crossTenantPaths('cross-tenant reads (their ids in paths)', (r) => r.method === 'GET')),
    withVictim(crossTenantPaths('cross-tenant writes (their ids in paths)', (r) => r.method !== 'GET')),
    withVictim(crossTenantFilters),
    withVictim(crossTenantExports),
    withVictim(crossTenantBodies),
    createWithTheirIds(),
  ];
}
