import { join } from 'node:path';
import Database from 'better-sqlite3';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, pool, send, type Answer } from '../http';
import { fill, type Target } from '../target';
import { devToken } from '../../testing/standalone-process';

const ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'confidential-officer', 'operator', 'auditor', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** A tenant of its own, so that "nothing written" can be counted: no other attack writes in it. */
const PROBE_TENANT = 'role-probe-corp';
const FAKE_ID = '01900000-0000-7000-8000-00000000abcd';

interface Policy {
  readonly method: string;
  readonly path: string;
  readonly roles: readonly Role[] | 'any' | undefined;
  readonly team?: { readonly param: string; readonly teamRoles: readonly string[] };
  readonly bodySchema?: Schema;
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  pattern?: string;
  $ref?: string;
}

type OpenApi = { paths: Record<string, Record<string, { 'x-leerzone-public'?: boolean; 'x-leerzone-roles'?: Role[] | 'any'; 'x-leerzone-team-scope'?: Policy['team']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };

/** Every non-public operation with the roles and team scope its decorators published in the OpenAPI document. */
async function policies(url: string): Promise<Policy[]> {
  const document = (await (await fetch(`${url}/docs-json`)).json()) as OpenApi;
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let current = schema;
    for (let i = 0; i < 5 && current?.$ref; i += 1) current = document.components?.schemas?.[current.$ref.split('/').pop()!];
    return current;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method, op]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method) && op['x-leerzone-public'] !== true)
      .map(([method, op]) => {
        const bodySchema = resolve(op.requestBody?.content?.['application/json']?.schema);
        return { method: method.toUpperCase(), path, roles: op['x-leerzone-roles'], ...(op['x-leerzone-team-scope'] ? { team: op['x-leerzone-team-scope'] } : {}), ...(bodySchema ? { bodySchema } : {}) };
      }),
  );
}

/**
 * A body its schema accepts, as far as a schema can say (required fields only): a team-scope
 * probe must reach the use case's membership check, not stop at validation.
 */
function exampleOf(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return exampleOf(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, name) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const key of schema.required ?? []) result[key] = exampleOf(schema.properties?.[key], key);
      return result;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => exampleOf(schema.items, name));
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? Math.max(schema.minimum, Math.min(1, schema.maximum ?? 1)) : 1;
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'date' || /(On|Date|date|By)$/.test(name) || schema.pattern?.includes('\\d{4}')) return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      if (schema.format === 'uuid' || /Id$/.test(name)) return FAKE_ID;
      if (name === 'currency') return 'EUR';
      if (schema.pattern?.includes('a-z')) return 'role-probe';
      const text = `role probe ${name}`.padEnd(schema.minLength ?? 0, '.');
      return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
    }
    default:
      return {};
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Path parameters other than the team that must be well-formed for a probe to reach the use case. */
const PATH_VALUES: Record<string, string> = { kind: 'principle', area: 'role-probe' };
const problemCode = (answer: Answer): string | undefined => {
  try {
    return (JSON.parse(answer.text) as { code?: string }).code;
  } catch {
    return undefined;
  }
};

/** Events of the probe tenant in the dev process's store: read-only, from the SQLite file itself. */
function eventsOfProbeTenant(target: Target): number {
  const db = new Database(join(target.dev.process.dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events WHERE tenant_id = ?').get(PROBE_TENANT) as { n: number }).n;
  } finally {
    db.close();
  }
}

const nothingWritten = (target: Target, before: number, what: string): Attempt => {
  const after = eventsOfProbeTenant(target);
  return { label: `nothing written in ${PROBE_TENANT} by ${what}`, gotThrough: after !== before, answer: `${before} events before, ${after} after` };
};

interface Probe {
  readonly lead: string;
  readonly teamA: string;
  readonly teamB: string;
  /** Member of team A only (tenant role member), and coach of team A only (tenant roles member, coach). */
  readonly memberOfA: string;
  readonly coachOfA: string;
}

let probe: Promise<Probe> | undefined;

/** The probe tenant: teams A and B, a member and a coach of A, a member of B. Seeded once for both classes. */
function seedProbe(target: Target): Promise<Probe> {
  probe ??= (async () => {
    const lead = await devToken(target.dev.url, PROBE_TENANT, 'probe-lead', ['transformation-lead', 'coach']);
    const post = async (path: string, body: unknown) => {
      const answer = await send(target.dev.url, 'POST', path, { ...json(body), headers: { ...json(body).headers, ...bearer(lead) } });
      if (answer.status >= 300) throw new Error(`seeding ${path}: ${answerOf(answer.status, answer.text)}`);
      return JSON.parse(answer.text) as { teamId?: string };
    };
    const teamA = (await post('/api/governance/teams', { name: 'Probe A', purpose: 'role probes' })).teamId!;
    const teamB = (await post('/api/governance/teams', { name: 'Probe B', purpose: 'role probes' })).teamId!;
    await post(`/api/governance/teams/${teamA}/members`, { memberId: 'ann', roles: ['member'] });
    await post(`/api/governance/teams/${teamA}/members`, { memberId: 'cole', roles: ['member', 'coach'] });
    await post(`/api/governance/teams/${teamB}/members`, { memberId: 'bea', roles: ['member'] });
    return {
      lead,
      teamA,
      teamB,
      memberOfA: await devToken(target.dev.url, PROBE_TENANT, 'ann', ['member']),
      coachOfA: await devToken(target.dev.url, PROBE_TENANT, 'cole', ['member', 'coach']),
    };
  })();
  return probe;
}

/**
 * Each tenant-wide role, alone, on every route whose policy does not name it: 403 from the
 * policy (`AUTH.FORBIDDEN`) and nothing written. A control first: a role the policy names
 * passes the gate.
 */
const forbiddenRoles: Attack<Target> = {
  attackClass: 'roles: each role on each route it may not call',
  run: async (target) => {
    const seeded = await seedProbe(target);
    const routes = (await policies(target.dev.url)).filter((p) => Array.isArray(p.roles));
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, await devToken(target.dev.url, PROBE_TENANT, `probe-${role}`, [role]));
    const control = await send(target.dev.url, 'GET', '/api/analytics/adoption-funnel', { headers: bearer(tokens.get('analyst')!) });
    if (control.status === 403) throw new Error(`control: an analyst was refused the adoption funnel: ${answerOf(control.status, control.text)}`);
    const before = eventsOfProbeTenant(target);
    const jobs = routes.flatMap((route) => ROLES.filter((role) => !(route.roles as readonly Role[]).includes(role)).map((role) => ({ route, role })));
    const attempts = await pool(jobs, 8, async ({ route, role }) => {
      const path = fill(route.path, (name) => (name === 'teamId' ? seeded.teamA : FAKE_ID));
      const body = route.bodySchema ? JSON.stringify(exampleOf(route.bodySchema)) : undefined;
      const answer = await send(target.dev.url, route.method, path, { headers: { ...bearer(tokens.get(role)!), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body } : {}) });
      return { label: `${role} ${route.method} ${route.path}`, gotThrough: answer.status !== 403 || problemCode(answer) !== 'AUTH.FORBIDDEN', answer: answerOf(answer.status, answer.text) };
    });
    return [...attempts, nothingWritten(target, before, 'the refused roles')];
  },
};

/**
 * A member and a coach of team A on every team-scoped route of team B (with a body its schema
 * accepts): refused — 403, 404 where the use case hides what exists, 422 where it refuses the
 * body's reference first — and nothing written.
 * The control: the same callers on team A are not refused as outsiders.
 */
const otherTeam: Attack<Target> = {
  attackClass: 'roles: a member or coach of team A acting on team B',
  run: async (target) => {
    const seeded = await seedProbe(target);
    const routes = (await policies(target.dev.url)).filter((p) => p.team !== undefined);
    const control = await send(target.dev.url, 'GET', `/api/failure-learning/teams/${seeded.teamA}/reports`, { headers: bearer(seeded.memberOfA) });
    if (control.status !== 200) throw new Error(`control: a member of team A was refused its reports: ${answerOf(control.status, control.text)}`);
    const before = eventsOfProbeTenant(target);
    const jobs = routes.flatMap((route) => [
      { route, who: 'member of A', token: seeded.memberOfA },
      { route, who: 'coach of A', token: seeded.coachOfA },
    ]);
    const attempts = await pool(jobs, 8, async ({ route, who, token }) => {
      const path = fill(route.path, (name) => (name === route.team!.param ? seeded.teamB : (PATH_VALUES[name] ?? FAKE_ID)));
      const body = route.bodySchema ? JSON.stringify(exampleOf(route.bodySchema)) : undefined;
      const answer = await send(target.dev.url, route.method, path, { headers: { ...bearer(token), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body } : {}) });
      // 403 from the use case, 404 where it hides the entity, 422 where it refuses the body's reference (an unknown unit) first;
      // a 400 would mean the probe never reached the use case, and counts as got through.
      return { label: `${who} ${route.method} ${route.path} on team B`, gotThrough: ![403, 404, 422].includes(answer.status), answer: answerOf(answer.status, answer.text) };
    });
    return [...attempts, nothingWritten(target, before, 'members and coaches of another team')];
  },
};

export const roleAttacks: ReadonlyArray<Attack<Target>> = [forbiddenRoles, otherTeam];
